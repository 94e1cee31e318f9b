// The "New" divider: a line above the first message that arrived since I last read the channel. It is
// placed from the read pointer as it was when I opened the channel (or when I stopped looking at it) and
// stays put while I read on, as in the chat apps people know; messages that arrive while I am watching
// the bottom of the channel are not "new" and do not move it.

/** The fields it needs; optional because the server omits `channel_seq` / `deleted_at` when unset. */
interface Row {
  id: string;
  channel_seq?: number | null;
  author_id: string;
  deleted_at?: string | null;
}

/**
 * The id of the first message after `sinceSeq` written by someone else, or null when there is none (no
 * divider). Deleted messages and my own do not count as news.
 */
export function firstNewMessage(
  messages: readonly Row[],
  sinceSeq: number | undefined,
  meId: string,
): string | null {
  if (sinceSeq === undefined) return null;
  for (const m of messages) {
    // A pending message has no seq yet: it is mine, and not news.
    if ((m.channel_seq ?? -1) <= sinceSeq) continue;
    if (m.author_id === meId || m.deleted_at) continue;
    return m.id;
  }
  return null;
}
