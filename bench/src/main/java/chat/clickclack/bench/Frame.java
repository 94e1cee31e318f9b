package chat.clickclack.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The fields of one WebSocket frame the bench checks, pulled out with a streaming parser (tens of
 * thousands of frames a second must not cost the load generator a full tree each).
 *
 * @param type      event type, e.g. message.created or presence.changed
 * @param cursor    the durable cursor, or -1 for an ephemeral event
 * @param channelId the channel, or null
 * @param seq       the channel (or thread) sequence, or -1
 * @param body      {@code payload.message.body}, or null
 */
record Frame(String type, long cursor, String channelId, long seq, String body) {
    private static final JsonFactory FACTORY = new JsonFactory();

    boolean durable() {
        return cursor >= 0;
    }

    static Frame parse(String text) throws IOException {
        String type = null;
        String channelId = null;
        String body = null;
        long cursor = -1;
        long seq = -1;
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("frame is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                var name = p.currentName();
                var token = p.nextToken();
                switch (name) {
                    case "type" -> type = p.getText();
                    case "cursor" -> cursor = token == JsonToken.VALUE_NULL ? -1 : Long.parseLong(p.getText());
                    case "channel_id" -> channelId = token == JsonToken.VALUE_NULL ? null : p.getText();
                    case "seq" -> seq = token == JsonToken.VALUE_NULL ? -1 : p.getLongValue();
                    case "payload" -> body = token == JsonToken.START_OBJECT ? messageBody(p) : skip(p);
                    default -> p.skipChildren();
                }
            }
        }
        return new Frame(type, cursor, channelId, seq, body);
    }

    /** Inside payload: returns message.body if there is one. */
    private static String messageBody(JsonParser p) throws IOException {
        String body = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            var name = p.currentName();
            var token = p.nextToken();
            if (name.equals("message") && token == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    var field = p.currentName();
                    var value = p.nextToken();
                    if (field.equals("body") && value == JsonToken.VALUE_STRING) {
                        body = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        return body;
    }

    /** What a post answered: the message id, its channel_seq (or thread_seq) and its event's cursor. */
    record Posted(String id, long seq, long cursor) {}

    /** Reads {@code {message: {id, channel_seq|thread_seq}, event|events: …}} from a create response. */
    static Posted message(String responseBody) throws IOException {
        String id = null;
        long seq = -1;
        long cursor = -1;
        try (JsonParser p = FACTORY.createParser(responseBody)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                var name = p.currentName();
                var token = p.nextToken();
                if (name.equals("message") && token == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        var field = p.currentName();
                        var value = p.nextToken();
                        if (field.equals("id")) {
                            id = p.getText();
                        } else if ((field.equals("channel_seq") || field.equals("thread_seq")) && value == JsonToken.VALUE_NUMBER_INT) {
                            seq = p.getLongValue();
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (name.equals("event") && token == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        var field = p.currentName();
                        p.nextToken();
                        if (field.equals("cursor")) {
                            cursor = Long.parseLong(p.getText());
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        if (id == null || seq < 0) {
            throw new IOException("no message id/seq in: " + Api.abbreviate(responseBody));
        }
        return new Posted(id, seq, cursor);
    }

    /** What the bench keeps from a message page: the ids on it and the oldest channel_seq. */
    record Page(java.util.List<String> ids, long oldestSeq) {}

    /** Reads {@code {messages: [{id, …}], oldest_seq, …}} without building a tree. */
    static Page page(String responseBody) throws IOException {
        var ids = new java.util.ArrayList<String>();
        long oldest = -1;
        try (JsonParser p = FACTORY.createParser(responseBody)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                var name = p.currentName();
                var token = p.nextToken();
                if (name.equals("messages") && token == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            var field = p.currentName();
                            p.nextToken();
                            if (field.equals("id")) {
                                ids.add(p.getText());
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                } else if (name.equals("oldest_seq") && token == JsonToken.VALUE_NUMBER_INT) {
                    oldest = p.getLongValue();
                } else {
                    p.skipChildren();
                }
            }
        }
        return new Page(ids, oldest);
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }
}
