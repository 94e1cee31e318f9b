// What a presence dot can honestly say. Presence arrives as ephemeral events over our own socket; while
// that socket is down we miss every change, so the last status we saw is a guess, not a fact, and the
// dot says "unknown" instead of showing a stale green.

export type PresenceState = "online" | "away" | "unknown";

export function presenceOf(
  statuses: ReadonlyMap<string, string>,
  userId: string,
  connected: boolean,
): PresenceState {
  if (!connected) return "unknown";
  return statuses.get(userId) === "online" ? "online" : "away";
}

/** The words for a dot's tooltip and for screen readers. */
export function presenceLabel(state: PresenceState): string {
  if (state === "online") return "Online";
  if (state === "away") return "Away";
  return "Presence unknown while you are disconnected";
}
