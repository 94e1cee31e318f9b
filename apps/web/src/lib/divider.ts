// The "New" divider: a line above the first message that arrived since I last read the channel. It is
// placed from the read pointer as it was when I opened the channel (or when I stopped looking at it) and
// stays put while I read on, as in the chat apps people know; messages that arrive while I am watching
// the bottom of the channel are not "new" and do not move it.

import type { Message } from "./types";

/**
 * The id of the first message after `sinceSeq` written by someone else, or null when there is none (no
 * divider). Deleted messages and my own do not count as news.
 */
export function firstNewMessage(
  messages: readonly Pick<Message, "id" | "channel_seq" | "author_id" | "deleted_at">[],
  sinceSeq: number | undefined,
  meId: string,
): string | null {
  if (sinceSeq === undefined) return null;
  for (const m of messages) {
    if (m.channel_seq == null || m.channel_seq <= sinceSeq) continue;
    if (m.author_id === meId || m.deleted_at != null) continue;
    return m.id;
  }
  return null;
}
