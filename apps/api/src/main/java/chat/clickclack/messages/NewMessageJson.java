package chat.clickclack.messages;

import chat.clickclack.http.Json;

/**
 * A new message's JSON, written once on the request thread and then shared by its event payload and the
 * HTTP response.
 *
 * <p>Why: a message's sequence (a root's {@code channel_seq}, a reply's {@code thread_seq}) is only known
 * inside the single writer, and serializing the message there (plus once more for the response) was the
 * largest cost of the writer's unit after SQLite itself. So the JSON is written before the write with a
 * placeholder number, split around it, and the writer only concatenates the sequence in. A field name cannot
 * occur inside a JSON string value (every quote there is escaped), so the placeholder's field is found
 * exactly once.
 */
record NewMessageJson(String head, String tail) {
    private static final long PLACEHOLDER = Long.MIN_VALUE;

    /** Writes {@code draft} (whose sequence is not yet known) with a slot for it. */
    static NewMessageJson of(Message draft) {
        var json = Json.write(withSeq(draft, PLACEHOLDER));
        var token = field(draft) + PLACEHOLDER;
        int at = json.indexOf(token);
        if (at < 0 || json.indexOf(token, at + token.length()) >= 0) {
            throw new IllegalStateException("a message's JSON must hold exactly one " + field(draft) + " field");
        }
        return new NewMessageJson(json.substring(0, at + field(draft).length()), json.substring(at + token.length()));
    }

    String withSeq(long seq) {
        return head + seq + tail;
    }

    /**
     * The message.created / thread.reply_created payload around the message's JSON, in the same shape Jackson
     * gives a map of these ({@code root_message_id} for replies only).
     */
    static String payload(Message message, String messageJson) {
        return "{\"message_id\":" + Json.write(message.id())
                + (message.isRoot() ? "" : ",\"root_message_id\":" + Json.write(message.parentMessageId()))
                + ",\"author_id\":" + Json.write(message.authorId()) + ",\"message\":" + messageJson + "}";
    }

    /** The message with its sequence: {@code channel_seq} for a root, {@code thread_seq} for a reply. */
    static Message withSeq(Message m, long seq) {
        return new Message(m.id(), m.workspaceId(), m.channelId(), m.directConversationId(), m.authorId(), m.author(), m.parentMessageId(),
                m.threadRootId(), m.isRoot() ? Long.valueOf(seq) : m.channelSeq(), m.isRoot() ? m.threadSeq() : Long.valueOf(seq),
                m.body(), m.bodyFormat(), m.nonce(), m.createdAt(), m.editedAt(), m.deletedAt(), m.threadState(),
                m.reactions(), m.mentionedUserIds(), m.mentionsChannel(), m.overrideUsername(), m.overrideIconUrl(),
                m.attachments());
    }

    private static String field(Message m) {
        return m.isRoot() ? "\"channel_seq\":" : "\"thread_seq\":";
    }
}
