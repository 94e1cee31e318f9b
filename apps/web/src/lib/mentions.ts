// Mention badges: how many unread messages mention me, per channel. The server counts them
// (`mention_count` on channel objects, against its read pointer); the app starts from that count and
// adds live `message.created` / `thread.reply_created` events that mention me, until the channel is read.

import type { Channel, ChatEvent, Message } from "./types";

export type MentionCounts = Readonly<Record<string, number>>;

/** A message that mentions me, by handle or with @channel / @here, written by someone else. */
export function mentionsMe(message: Message, meId: string): boolean {
  if (message.author_id === meId || message.deleted_at) return false;
  return message.mentions_channel || message.mentioned_user_ids.includes(meId);
}

/** The new message an event announces, if it mentions me. */
export function eventMentionsMe(event: ChatEvent, meId: string): boolean {
  if (event.type !== "message.created" && event.type !== "thread.reply_created") return false;
  const message = event.payload.message as Message | undefined;
  return !!message && mentionsMe(message, meId);
}

/** The counts the server gave with the channel list. */
export function fromChannels(channels: readonly Channel[]): MentionCounts {
  return Object.fromEntries(channels.map((c) => [c.id, c.mention_count ?? 0]));
}

export function bump(counts: MentionCounts, channelId: string): MentionCounts {
  return { ...counts, [channelId]: (counts[channelId] ?? 0) + 1 };
}

export function cleared(counts: MentionCounts, channelId: string): MentionCounts {
  if (!counts[channelId]) return counts;
  return { ...counts, [channelId]: 0 };
}
