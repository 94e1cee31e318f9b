// `@` autocomplete in the composer: what is being typed before the caret, and which people (plus
// `@channel` and `@here`) match it, best first. Plain functions so the ranking is unit-tested; the
// component (MentionAutocomplete.svelte) renders the answer and the server search fills in people the
// loaded member list does not have.

import { matchScore } from "./switcher";
import type { User } from "./types";

export interface MentionSuggestion {
  /** What is inserted after "@": a handle, or "channel" / "here". */
  handle: string;
  /** The line's main text: a person's name, or what the special mention does. */
  label: string;
  /** Set for people, so the row can show an avatar. */
  user?: User;
}

/** The same characters the server accepts in a handle ([a-z0-9_-]); typed case is ignored. */
const TYPING = /(?<![A-Za-z0-9_\-.+/=:%&?#~@`])@([A-Za-z0-9_-]{0,32})$/;

/**
 * The mention being typed right before the caret: "hi @ar|" → { start: index of "@", query: "ar" }.
 * "@" alone opens the list; an "@" glued to a word (an address, `x/@y`) does not, as the server would
 * not read it as a mention either.
 */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const m = TYPING.exec(text.slice(0, caret));
  if (!m) return null;
  return { start: caret - m[0].length, query: m[1]! };
}

const EVERYONE: readonly MentionSuggestion[] = [
  { handle: "channel", label: "Notify everyone in this channel" },
  { handle: "here", label: "Notify everyone here" },
];

/**
 * People whose handle or name matches `query`, then `@channel` / `@here` when they match; the signed-in
 * user goes last among equals (you rarely mention yourself). People without a handle cannot be mentioned.
 */
export function suggestMentions(
  users: readonly User[],
  query: string,
  meId: string,
  limit = 8,
): MentionSuggestion[] {
  const q = query.toLowerCase();
  const seen = new Set<string>();
  const people: { s: MentionSuggestion; score: number; order: number }[] = [];
  users.forEach((user, order) => {
    const handle = user.handle?.toLowerCase();
    if (!handle || seen.has(handle)) return;
    seen.add(handle);
    const byHandle = matchScore(q, handle);
    const byName = matchScore(q, user.display_name);
    // Only real prefixes or word starts for names: a scattered match on a name is noise here.
    const best = Math.max(byHandle ?? -1, byName !== null && byName >= 500 ? byName : -1);
    if (best < 0) return;
    const score = best - (user.id === meId ? 2000 : 0);
    people.push({ s: { handle, label: user.display_name, user }, score, order });
  });
  people.sort((a, b) => b.score - a.score || a.order - b.order);
  const everyone = EVERYONE.filter((e) => e.handle.startsWith(q));
  // Typing "@ch" most likely means @channel only once no person matches better.
  const out = [...people.map((p) => p.s), ...everyone];
  return out.slice(0, limit);
}

/** The text that replaces "@query": the handle and a space, so typing carries on naturally. */
export function mentionText(s: MentionSuggestion): string {
  return `@${s.handle} `;
}
