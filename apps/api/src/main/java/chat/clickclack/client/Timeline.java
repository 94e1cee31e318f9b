package chat.clickclack.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One channel's or direct conversation's timeline as {@code tail} prints it ({@link TailTarget}): root messages in
 * {@code channel_seq} order, each exactly once.
 *
 * <p>The rule that makes "never twice, never missing" hold whatever the socket does: {@code lastSeq} is the seq
 * of the last message printed, a message at or below it is a duplicate (an event replayed after a reconnect, or
 * already in the HTTP page), and a message past {@code lastSeq + 1} means something is missing, which is fetched
 * over HTTP ({@code after_seq=lastSeq}) before going on. Deleted messages keep their seq in pages, so the sequence
 * has no holes. Thread replies are not in the channel timeline and are not printed.
 *
 * <p>Used by one thread (the tail's), not thread-safe.
 */
final class Timeline {
    static final long UNKNOWN = -1;
    private static final int PAGE = 200;

    private final ChatSession session;
    private final TailTarget target;
    private long lastSeq;

    Timeline(ChatSession session, TailTarget target) {
        this.session = session;
        this.target = target;
    }

    /** The workspace's newest event cursor: taken before fetching, so the socket resumes with no gap. */
    String tailCursor() {
        return session.client().get("/api/realtime/events", ChatClient.query("workspace_id", session.workspaceId(),
                "include_tail", "true", "limit", "1")).path("tail_cursor").asText();
    }

    /** Prints the newest {@code count} messages and starts after the newest one. */
    void showLatest(int count) {
        var page = session.client().get(target.path() + "/messages",
                ChatClient.query("mode", "latest", "limit", Integer.toString(Math.max(1, Math.min(count, PAGE)))));
        var messages = page.path("messages");
        lastSeq = 0;
        for (int i = 0; i < messages.size(); i++) {
            var message = messages.get(i);
            if (i >= messages.size() - count) {
                print(message);
            }
            lastSeq = Math.max(lastSeq, message.path("channel_seq").asLong());
        }
    }

    /** Starts after the message with this seq (printing nothing yet); {@link #UNKNOWN}: at the first event. */
    void startAfter(long seq) {
        lastSeq = seq;
    }

    long lastSeq() {
        return lastSeq;
    }

    /** Prints every message after {@code lastSeq} that the server has now, over HTTP. */
    void fill() {
        if (lastSeq == UNKNOWN) {
            return;
        }
        boolean more = true;
        while (more) {
            var page = session.client().get(target.path() + "/messages",
                    ChatClient.query("after_seq", Long.toString(lastSeq), "limit", Integer.toString(PAGE)));
            var messages = page.path("messages");
            for (var message : messages) {
                accept(message, false);
            }
            more = page.path("has_newer").asBoolean(false) && !messages.isEmpty();
        }
    }

    /** Applies one durable event from the socket or the HTTP catch-up. */
    void apply(JsonNode event) {
        var message = event.path("payload").path("message");
        if (message.isMissingNode() || !target.owns(message) || message.hasNonNull("parent_message_id")) {
            return;
        }
        switch (event.path("type").asText()) {
            case "message.created" -> accept(message, true);
            case "message.updated", "message.deleted" -> changed(event.path("type").asText(), message);
            default -> { }
        }
    }

    private void accept(JsonNode message, boolean mayFill) {
        long seq = message.path("channel_seq").asLong();
        if (lastSeq == UNKNOWN) {
            lastSeq = seq - 1;
        }
        if (seq <= lastSeq) {
            return;
        }
        if (seq > lastSeq + 1 && mayFill) {
            fill();
            if (seq <= lastSeq) {
                return;
            }
        }
        print(message);
        lastSeq = seq;
    }

    /** Edits and deletes of messages already shown: a note line in text mode; --json prints new messages only. */
    private void changed(String type, JsonNode message) {
        if (session.out().json() || message.path("channel_seq").asLong() > lastSeq) {
            return;
        }
        var what = type.equals("message.deleted") ? "deleted: " : "edited: ";
        session.out().line(what + MessageText.line(message));
    }

    private void print(JsonNode message) {
        session.out().either(message, MessageText.line(message));
    }
}
