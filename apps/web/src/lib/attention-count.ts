// The number in the tab title and on the favicon: what is waiting for *me*, not every unread message.
// That is each unread mention of me in a channel plus every unread direct message (a DM is addressed to
// me, so all of it counts; a mention inside a DM is not counted twice).

/** The read state a channel or DM conversation carries (the server's fields, or the store's live ones). */
export interface UnreadCounts {
  unread_count?: number;
  mention_count?: number;
}

export function attentionCount(
  channels: readonly UnreadCounts[],
  dms: readonly UnreadCounts[] = [],
): number {
  let n = 0;
  for (const c of channels) n += Math.max(0, c.mention_count ?? 0);
  for (const d of dms) n += Math.max(0, d.unread_count ?? 0);
  return n;
}

const MAX_BADGE = 9;

/** What fits on a 16 px favicon: "" for nothing, "1".."9", then "9+". */
export function badgeLabel(count: number): string {
  if (count < 1) return "";
  return count > MAX_BADGE ? `${MAX_BADGE}+` : String(count);
}
