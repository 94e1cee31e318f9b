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

    /**
     * The same fields from a frame's UTF-8 bytes, without Jackson: a scanner that decodes only type, cursor,
     * channel_id, seq and payload.message.body and skips every other value by its brackets and quotes. A
     * fanout delivers tens of thousands of frames a second to the bench, and the full tokenizer (field-name
     * interning, every string decoded) was a third of the reader's CPU. Malformed JSON raises an
     * IOException like {@link #parse(String)} does; FrameTest checks both parsers agree.
     */
    static Frame parse(byte[] data, int offset, int length) throws IOException {
        return new Scanner(data, offset, offset + length).frame();
    }

    /** A forward-only reader over one JSON object's bytes. */
    private static final class Scanner {
        private static final byte[] TYPE = key("type");
        private static final byte[] CURSOR = key("cursor");
        private static final byte[] CHANNEL_ID = key("channel_id");
        private static final byte[] SEQ = key("seq");
        private static final byte[] PAYLOAD = key("payload");
        private static final byte[] MESSAGE = key("message");
        private static final byte[] BODY = key("body");

        private final byte[] b;
        private final int end;
        private int i;

        Scanner(byte[] b, int from, int to) {
            this.b = b;
            this.i = from;
            this.end = to;
        }

        private static byte[] key(String name) {
            return name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }

        Frame frame() throws IOException {
            String type = null;
            String channelId = null;
            String body = null;
            long cursor = -1;
            long seq = -1;
            expect('{');
            if (!closes('}')) {
                do {
                    int keyStart = keyStart();
                    int keyEnd = skipString(keyStart - 1);
                    expectAfterWhitespace(':');
                    int k = keyEnd - 1; // the closing quote
                    if (is(keyStart, k, TYPE)) {
                        type = stringOrNull();
                    } else if (is(keyStart, k, CURSOR)) {
                        cursor = numberOrNull(true);
                    } else if (is(keyStart, k, CHANNEL_ID)) {
                        channelId = stringOrNull();
                    } else if (is(keyStart, k, SEQ)) {
                        seq = numberOrNull(false);
                    } else if (is(keyStart, k, PAYLOAD)) {
                        body = peek() == '{' ? messageBody() : skipValueReturningNull();
                    } else {
                        skipValue();
                    }
                } while (nextMember('}'));
            }
            whitespace();
            if (i != end) {
                throw new IOException("trailing bytes after the frame's object");
            }
            return new Frame(type, cursor, channelId, seq, body);
        }

        /** payload: {…, "message": {…, "body": "…"}}; returns the body or null. */
        private String messageBody() throws IOException {
            String body = null;
            expect('{');
            if (closes('}')) {
                return null;
            }
            do {
                int keyStart = keyStart();
                int keyEnd = skipString(keyStart - 1);
                expectAfterWhitespace(':');
                if (is(keyStart, keyEnd - 1, MESSAGE) && peek() == '{') {
                    expect('{');
                    if (!closes('}')) {
                        do {
                            int fieldStart = keyStart();
                            int fieldEnd = skipString(fieldStart - 1);
                            expectAfterWhitespace(':');
                            if (is(fieldStart, fieldEnd - 1, BODY) && peek() == '"') {
                                body = stringOrNull();
                            } else {
                                skipValue();
                            }
                        } while (nextMember('}'));
                    }
                } else {
                    skipValue();
                }
            } while (nextMember('}'));
            return body;
        }

        // ---- tokens

        private void whitespace() {
            while (i < end && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
                i++;
            }
        }

        private int peek() throws IOException {
            whitespace();
            if (i >= end) {
                throw new IOException("frame ends early");
            }
            return b[i];
        }

        private void expect(char c) throws IOException {
            if (peek() != c) {
                throw new IOException("expected '" + c + "' at byte " + i);
            }
            i++;
        }

        private void expectAfterWhitespace(char c) throws IOException {
            expect(c);
        }

        /** After '{' or '[': true (and consumed) when the container is empty. */
        private boolean closes(char close) throws IOException {
            if (peek() == close) {
                i++;
                return true;
            }
            return false;
        }

        /** After a member: true on ',', false (consumed) on the closing bracket. */
        private boolean nextMember(char close) throws IOException {
            int c = peek();
            i++;
            if (c == ',') {
                return true;
            }
            if (c == close) {
                return false;
            }
            throw new IOException("expected ',' or '" + close + "' at byte " + (i - 1));
        }

        /** Positions after a key's opening quote; returns the first byte of the key. */
        private int keyStart() throws IOException {
            if (peek() != '"') {
                throw new IOException("expected a field name at byte " + i);
            }
            return i + 1;
        }

        /** From the opening quote at {@code quote}: returns the index after the closing quote (and moves there). */
        private int skipString(int quote) throws IOException {
            int j = quote + 1;
            while (j < end) {
                byte c = b[j];
                if (c == '"') {
                    i = j + 1;
                    return i;
                }
                j += c == '\\' ? 2 : 1;
            }
            throw new IOException("unterminated string");
        }

        /** A key equals {@code name} (keys with escapes never match: the server writes none). */
        private boolean is(int from, int to, byte[] name) {
            return to - from == name.length && java.util.Arrays.equals(b, from, to, name, 0, name.length);
        }

        private String stringOrNull() throws IOException {
            int c = peek();
            if (c == 'n') {
                literal("null");
                return null;
            }
            if (c != '"') {
                throw new IOException("expected a string at byte " + i);
            }
            int start = i + 1;
            int after = skipString(i);
            boolean escaped = false;
            for (int j = start; j < after - 1; j++) {
                if (b[j] == '\\') {
                    escaped = true;
                    break;
                }
            }
            var raw = new String(b, start, after - 1 - start, java.nio.charset.StandardCharsets.UTF_8);
            return escaped ? unescape(raw) : raw;
        }

        /** A number, or (when {@code quotedAllowed}) a string of digits like the cursor, or null → -1. */
        private long numberOrNull(boolean quotedAllowed) throws IOException {
            int c = peek();
            if (c == 'n') {
                literal("null");
                return -1;
            }
            boolean quoted = c == '"';
            if (quoted && !quotedAllowed) {
                throw new IOException("expected a number at byte " + i);
            }
            if (quoted) {
                i++;
            }
            boolean negative = i < end && b[i] == '-';
            if (negative) {
                i++;
            }
            int start = i;
            long value = 0;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                if (value > (Long.MAX_VALUE - 9) / 10) {
                    throw new IOException("number too large at byte " + start);
                }
                value = value * 10 + (b[i++] - '0');
            }
            if (i == start) {
                throw new IOException("expected digits at byte " + start);
            }
            if (quoted) {
                if (i >= end || b[i] != '"') {
                    throw new IOException("expected a string of digits at byte " + start);
                }
                i++;
            } else if (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) {
                throw new IOException("expected an integer at byte " + start);
            }
            return negative ? -value : value;
        }

        private void literal(String word) throws IOException {
            for (int k = 0; k < word.length(); k++) {
                if (i + k >= end || b[i + k] != word.charAt(k)) {
                    throw new IOException("expected " + word + " at byte " + i);
                }
            }
            i += word.length();
        }

        private String skipValueReturningNull() throws IOException {
            skipValue();
            return null;
        }

        /** Skips one value of any kind, nested containers included. */
        private void skipValue() throws IOException {
            int c = peek();
            switch (c) {
                case '"' -> skipString(i);
                case '{', '[' -> {
                    int depth = 0;
                    while (i < end) {
                        byte x = b[i];
                        if (x == '"') {
                            skipString(i);
                            continue;
                        }
                        i++;
                        if (x == '{' || x == '[') {
                            depth++;
                        } else if (x == '}' || x == ']') {
                            if (--depth == 0) {
                                return;
                            }
                        }
                    }
                    throw new IOException("unterminated container");
                }
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                default -> {
                    if (c != '-' && (c < '0' || c > '9')) {
                        throw new IOException("unexpected '" + (char) c + "' at byte " + i);
                    }
                    i++;
                    while (i < end && ((b[i] >= '0' && b[i] <= '9') || b[i] == '.' || b[i] == 'e' || b[i] == 'E'
                            || b[i] == '+' || b[i] == '-')) {
                        i++;
                    }
                }
            }
        }

        private static String unescape(String raw) throws IOException {
            var out = new StringBuilder(raw.length());
            for (int k = 0; k < raw.length(); k++) {
                char c = raw.charAt(k);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (++k >= raw.length()) {
                    throw new IOException("bad escape");
                }
                char e = raw.charAt(k);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (k + 4 >= raw.length()) {
                            throw new IOException("bad \\u escape");
                        }
                        int code = 0;
                        for (int h = k + 1; h <= k + 4; h++) {
                            int d = Character.digit(raw.charAt(h), 16);
                            if (d < 0) {
                                throw new IOException("bad \\u escape");
                            }
                            code = code << 4 | d;
                        }
                        out.append((char) code);
                        k += 4;
                    }
                    default -> throw new IOException("bad escape \\" + e);
                }
            }
            return out.toString();
        }
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

    /** What the bench keeps from a message page: the ids on it and the oldest and newest channel_seq. */
    record Page(java.util.List<String> ids, long oldestSeq, long newestSeq) {}

    /** Reads {@code {messages: [{id, …}], oldest_seq, …}} without building a tree. */
    static Page page(String responseBody) throws IOException {
        var ids = new java.util.ArrayList<String>();
        long oldest = -1;
        long newest = -1;
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
                } else if (name.equals("newest_seq") && token == JsonToken.VALUE_NUMBER_INT) {
                    newest = p.getLongValue();
                } else {
                    p.skipChildren();
                }
            }
        }
        return new Page(ids, oldest, newest);
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }
}
