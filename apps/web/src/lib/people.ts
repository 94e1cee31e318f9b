// Profiles and statuses, as plain functions the stores and components share: keeping the member list
// current when someone edits their profile, hiding a status whose time is up, and turning the profile
// dialog's expiry choice into the RFC 3339 time the server stores.

import type { Member, UpdateMeInput, User, UserStatus } from "./types";

export type StatusPresetId = "molting" | "lurking" | "afk";

/** The crustacean presets, as the server defines them (emoji and default text). */
export const STATUS_PRESETS: readonly { id: StatusPresetId; emoji: string; text: string }[] = [
  { id: "molting", emoji: "🦞", text: "Molting" },
  { id: "lurking", emoji: "👀", text: "Lurking" },
  { id: "afk", emoji: "🌊", text: "Away from keyboard" },
];

export type ExpiryChoice = "30m" | "1h" | "today" | "never";

export const EXPIRY_CHOICES: readonly { id: ExpiryChoice; label: string }[] = [
  { id: "30m", label: "30 minutes" },
  { id: "1h", label: "1 hour" },
  { id: "today", label: "Today" },
  { id: "never", label: "Don't clear" },
];

/**
 * When a status set now with this choice should end; undefined for "never". "Today" ends at the next local
 * midnight, which is what people mean by it.
 */
export function expiryFor(choice: ExpiryChoice, now: Date): string | undefined {
  switch (choice) {
    case "30m":
      return new Date(now.getTime() + 30 * 60_000).toISOString();
    case "1h":
      return new Date(now.getTime() + 60 * 60_000).toISOString();
    case "today": {
      const midnight = new Date(now);
      midnight.setHours(24, 0, 0, 0);
      return midnight.toISOString();
    }
    case "never":
      return undefined;
  }
}

/**
 * The author a message shows: an incoming webhook may post under another name and avatar (Mattermost's
 * `username` / `icon_url`); the account stays its bot, so the BOT badge still shows.
 */
export function shownAuthor(
  author: User,
  message: { override_username?: string; override_icon_url?: string },
): User {
  if (!message.override_username && !message.override_icon_url) return author;
  return {
    ...author,
    display_name: message.override_username || author.display_name,
    avatar_url: message.override_icon_url || author.avatar_url,
  };
}

/** Whether to mark a user as a bot account (a BOT badge beside the name). */
export function isBot(user: User | null | undefined): boolean {
  return user?.kind === "bot";
}

/** The status to show for a user now: none once it expired, even before the server says so. */
export function shownStatus(user: User | null | undefined, now: Date): UserStatus | undefined {
  const status = user?.status;
  if (!status) return undefined;
  if (status.expires_at && Date.parse(status.expires_at) <= now.getTime()) return undefined;
  return status;
}

/** The member list with one user's new profile (`user.updated`); the same array when they are not in it. */
export function withUser(members: readonly Member[], user: User): readonly Member[] {
  const at = members.findIndex((m) => m.user.id === user.id);
  if (at < 0) return members;
  const next = [...members];
  next[at] = { ...next[at]!, user };
  return next;
}

/** What the profile dialog holds; `status` is "none", a preset id or "custom". */
export interface ProfileForm {
  displayName: string;
  handle: string;
  /** A picture's http(s) URL; empty for initials, and for an uploaded avatar (which is set on upload). */
  avatarUrl: string;
  /** What `avatarUrl` started as: an unchanged field is not sent, so a save never undoes an upload. */
  avatarUrlBefore: string;
  status: "none" | StatusPresetId | "custom";
  emoji: string;
  text: string;
  expiry: ExpiryChoice;
  /** False while the status part was left as it was: then a save does not touch (or re-time) it. */
  statusTouched: boolean;
}

/** An avatar given as a link (http/https) is editable as text; an uploaded one (`/api/avatars/…`) is not. */
export function isUploadedAvatar(avatarUrl: string): boolean {
  return avatarUrl !== "" && !/^https?:\/\//i.test(avatarUrl);
}

function linkedAvatar(avatarUrl: string): string {
  return isUploadedAvatar(avatarUrl) ? "" : avatarUrl;
}

/** The dialog's starting values for this user. */
export function profileForm(me: User): ProfileForm {
  const status = me.status;
  return {
    displayName: me.display_name,
    handle: me.handle,
    avatarUrl: linkedAvatar(me.avatar_url),
    avatarUrlBefore: linkedAvatar(me.avatar_url),
    status: status ? status.preset : "none",
    emoji: status?.preset === "custom" ? status.emoji : "",
    text: status?.text ?? "",
    expiry: "never",
    statusTouched: false,
  };
}

/** The `PATCH /api/me` body for a saved form; the server checks every field again. */
export function profileChange(form: ProfileForm, now: Date): UpdateMeInput {
  const avatarUrl = form.avatarUrl.trim();
  const change: UpdateMeInput = {
    display_name: form.displayName.trim(),
    handle: form.handle.trim().replace(/^@/, "").toLowerCase(),
    ...(avatarUrl !== form.avatarUrlBefore ? { avatar_url: avatarUrl } : {}),
  };
  if (!form.statusTouched) return change;
  if (form.status === "none") return { ...change, status: null };
  const expires_at = expiryFor(form.expiry, now);
  const text = form.text.trim();
  const status =
    form.status === "custom"
      ? { preset: "custom" as const, emoji: form.emoji.trim(), text }
      : { preset: form.status, ...(text ? { text } : {}) };
  return { ...change, status: expires_at ? { ...status, expires_at } : status };
}
