// Where a message lives: a channel or a direct conversation. Both kinds share one projection, keyed by
// the conversation's id, and one set of components (timeline, composer, thread pane). Ids are prefixed
// ULIDs (`chn_…`, `dm_…`, see the API conventions), so an id alone says which routes serve it; that
// keeps the outbox, drafts and the projection free of a second "kind" field that could disagree.

import type { Message } from "./types";

export function isDmId(id: string): boolean {
  return id.startsWith("dm_");
}

/** The id of the channel or direct conversation a message belongs to ("" if the server sent neither). */
export function conversationOf(m: Pick<Message, "channel_id" | "direct_conversation_id">): string {
  return m.channel_id ?? m.direct_conversation_id ?? "";
}

/** The fields that place a (local, unconfirmed) message in its conversation. */
export function placeIn(
  conversationId: string,
): Pick<Message, "channel_id" | "direct_conversation_id"> {
  return isDmId(conversationId)
    ? { direct_conversation_id: conversationId }
    : { channel_id: conversationId };
}
