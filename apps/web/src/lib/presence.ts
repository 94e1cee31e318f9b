// What a presence dot can honestly say. Presence arrives as ephemeral events over our own socket; while
// that socket is down we miss every change, so the last status we saw is a guess, not a fact, and the
// dot says "unknown" instead of showing a stale green.

export type PresenceState = "online" | "away" | "offline" | "unknown";

export function presenceOf(
  statuses: ReadonlyMap<string, string>,
  userId: string,
  connected: boolean,
): PresenceState {
  if (!connected) return "unknown";
  const status = statuses.get(userId);
  // The server says online or away for people with a socket; anyone else (or an older server's
  // "offline") has no socket open.
  return status === "online" || status === "away" ? status : "offline";
}

/** Sort order for people lists: online first, then away, then the rest. */
export function presenceRank(state: PresenceState): number {
  return state === "online" ? 0 : state === "away" ? 1 : 2;
}

/** The words for a dot's tooltip and for screen readers. */
export function presenceLabel(state: PresenceState): string {
  if (state === "online") return "Online";
  if (state === "away") return "Away";
  if (state === "offline") return "Offline";
  return "Presence unknown while you are disconnected";
}
