// Who reacted, for a reaction chip's tooltip. The server sends, next to each reaction's count, the
// first few people who reacted (`reacted_by`, earliest first, capped), so the tooltip needs no extra
// request. Without it (an older server) the tooltip falls back to the count.

import type { Reaction } from "./types";

export interface Reactor {
  id: string;
  display_name: string;
}

/** A reaction summary as the client keeps it; `reacted_by` may be missing (an older server). */
export type ReactionView = Omit<Reaction, "reacted_by"> & { reacted_by?: readonly Reactor[] };

/** Names shown before "and N others". */
export const NAMED_REACTORS = 3;

/**
 * "Peter, Dev Lobster and 3 others reacted with 🎉". The signed-in user is "You" and comes first,
 * also when the capped list does not reach them.
 */
export function reactedByText(r: ReactionView, meId: string): string {
  const others = (r.reacted_by ?? []).filter((u) => u.id !== meId).map((u) => u.display_name);
  const names = r.reacted_by_me ? ["You", ...others] : others;
  const shown = names.slice(0, Math.min(NAMED_REACTORS, r.count));
  const rest = r.count - shown.length;
  return `${who(shown, rest)} reacted with ${r.emoji}`;
}

function who(names: readonly string[], rest: number): string {
  if (names.length === 0) return rest === 1 ? "1 person" : `${rest} people`;
  if (rest > 0) return `${names.join(", ")} and ${rest === 1 ? "1 other" : `${rest} others`}`;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * The reacted_by list after the signed-in user flipped their own reaction locally (the server's
 * answer replaces it moments later). Absent stays absent; a full list that does not reach the user
 * is left alone, since it holds the earliest reactors only.
 */
export function toggleReactor(
  list: readonly Reactor[] | undefined,
  meId: string,
  on: boolean,
  cap = 10,
): readonly Reactor[] | undefined {
  if (!list) return undefined;
  const without = list.filter((u) => u.id !== meId);
  if (!on) return without;
  if (without.length !== list.length || list.length >= cap) return list;
  return [...list, { id: meId, display_name: "You" }];
}
