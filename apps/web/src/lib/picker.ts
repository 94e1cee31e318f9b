// The people picker behind the sidebar's "+" for direct messages: who can be picked, the selection
// (one person is a 1:1, several a group of up to MAX_OTHERS others) and arrow-key movement. The search
// itself is the server's (`GET /api/workspaces/{id}/members?q=`); `latestOnly` drops answers that arrive
// after a newer query was sent, so typing fast never shows results for letters already gone.

import { MAX_OTHERS } from "./dms";
import type { User } from "./types";

/** Members to offer: never me (a conversation needs someone else), in the server's order. */
export function candidates(found: readonly { user: User }[], meId: string): User[] {
  return found.map((m) => m.user).filter((u) => u.id !== meId);
}

/** Adds or removes a person; unchanged (and `full`) when adding would pass the limit. */
export function toggle(
  selected: readonly User[],
  user: User,
  max = MAX_OTHERS,
): { selected: User[]; full: boolean } {
  if (selected.some((u) => u.id === user.id))
    return { selected: selected.filter((u) => u.id !== user.id), full: false };
  if (selected.length >= max) return { selected: [...selected], full: true };
  return { selected: [...selected, user], full: false };
}

/** The highlighted row after ↑ (-1) or ↓ (+1), wrapping around; 0 for an empty list. */
export function move(active: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return (((active + delta) % count) + count) % count;
}

/** Wraps an async lookup so only the answer to the newest call is delivered; older ones resolve to null. */
export function latestOnly<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R | null> {
  let newest = 0;
  return async (...args) => {
    const mine = ++newest;
    const result = await fn(...args);
    return mine === newest ? result : null;
  };
}
