// Small, pure presentation helpers for the timeline: names, initials, times and grouping.

import type { Message, User } from "./types";

/** Two letters for an avatar: "Ari Lobster" → "AL", "ari" → "AR". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  if (words.length === 1) return [...words[0]!].slice(0, 2).join("").toUpperCase();
  return ([...words[0]!][0]! + [...words.at(-1)!][0]!).toUpperCase();
}

// Avatar hues picked to sit well next to the coral/brine accents and to stay apart from each other.
const AVATAR_HUES = [8, 174, 218, 262, 34, 142, 328, 196];

/** A stable accent hue per user, so the same person keeps the same avatar color everywhere. */
export function avatarHue(userId: string): number {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return AVATAR_HUES[h % AVATAR_HUES.length]!;
}

export function displayName(user: User | null | undefined, fallback = "Someone"): string {
  return user?.display_name?.trim() || user?.handle || fallback;
}

const GROUP_WINDOW_MS = 5 * 60 * 1000;

/**
 * Whether a message continues the previous one visually (no avatar, no name): same author, same day,
 * within five minutes, and neither is a deleted placeholder.
 */
export function continuesGroup(prev: Message | undefined, m: Message): boolean {
  if (!prev || prev.author_id !== m.author_id || prev.deleted_at || m.deleted_at) return false;
  const a = Date.parse(prev.created_at);
  const b = Date.parse(m.created_at);
  return b - a >= 0 && b - a < GROUP_WINDOW_MS && sameDay(a, b);
}

export function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const dayFmt = new Intl.DateTimeFormat(undefined, {
  weekday: "long",
  month: "long",
  day: "numeric",
});
const fullFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatTime(iso: string): string {
  return timeFmt.format(new Date(iso));
}

export function formatFull(iso: string): string {
  return fullFmt.format(new Date(iso));
}

/** "Today", "Yesterday" or "Monday, March 3" for the divider above a new day. */
export function formatDay(iso: string, now = Date.now()): string {
  const t = Date.parse(iso);
  if (sameDay(t, now)) return "Today";
  if (sameDay(t, now - 86_400_000)) return "Yesterday";
  return dayFmt.format(new Date(t));
}

/** "Ari is clacking…", "Ari and Bo are clacking…", "Several people are clacking…". */
export function typingLine(names: readonly string[]): string {
  if (names.length === 0) return "";
  if (names.length === 1) return `${names[0]} is clacking…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are clacking…`;
  return "Several people are clacking…";
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

/** "just now", "5 minutes ago", "yesterday", for thread summaries. */
export function formatAgo(iso: string, now = Date.now()): string {
  const s = Math.round((Date.parse(iso) - now) / 1000);
  if (s > -45) return "just now";
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["minute", 60],
    ["hour", 3600],
    ["day", 86400],
    ["week", 604800],
  ];
  let [unit, size] = units[0]!;
  for (const u of units) if (-s >= u[1]) [unit, size] = u;
  return rtf.format(Math.round(s / size), unit);
}
