package chat.clickclack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameTest {
    @Test
    void aDurableMessageEventYieldsCursorSeqChannelAndBody() throws Exception {
        var frame = Frame.parse("""
                {"id":"evt_1","cursor":"42","type":"message.created","workspace_id":"wsp_1","channel_id":"chn_1",
                 "seq":7,"created_at":"2026-01-01T00:00:00.000Z",
                 "payload":{"message_id":"msg_1","author_id":"usr_1",
                   "message":{"id":"msg_1","author":{"id":"usr_1","display_name":"A"},"body":"hi t=5","reactions":[]}}}""");
        assertThat(frame.durable()).isTrue();
        assertThat(frame.cursor()).isEqualTo(42);
        assertThat(frame.seq()).isEqualTo(7);
        assertThat(frame.channelId()).isEqualTo("chn_1");
        assertThat(frame.body()).isEqualTo("hi t=5");
    }

    @Test
    void anEphemeralEventHasNoCursor() throws Exception {
        var frame = Frame.parse("""
                {"type":"presence.changed","workspace_id":"wsp_1","channel_id":null,"user_id":"usr_1",
                 "created_at":"2026-01-01T00:00:00.000Z","payload":{"status":"online"}}""");
        assertThat(frame.durable()).isFalse();
        assertThat(frame.body()).isNull();
    }

    @Test
    void aCreateResponseYieldsTheMessageIdSeqAndEventCursor() throws Exception {
        var posted = Frame.message("""
                {"message":{"id":"msg_9","channel_seq":3,"thread_seq":null,"thread_state":{"reply_count":0}},
                 "event":{"id":"evt_9","cursor":"99","payload":{"message":{"id":"msg_9"}}}}""");
        assertThat(posted.id()).isEqualTo("msg_9");
        assertThat(posted.seq()).isEqualTo(3);
        assertThat(posted.cursor()).isEqualTo(99);
    }

    @Test
    void aPageYieldsItsMessageIdsAndOldestSeq() throws Exception {
        var page = Frame.page("""
                {"messages":[{"id":"msg_a","reactions":[{"emoji":"crab"}]},{"id":"msg_b"}],
                 "oldest_seq":11,"newest_seq":12,"has_older":true,"has_newer":false}""");
        assertThat(page.ids()).containsExactly("msg_a", "msg_b");
        assertThat(page.oldestSeq()).isEqualTo(11);
    }

    private static Frame bytes(String json) throws Exception {
        var data = ("xx" + json + "yy").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return Frame.parse(data, 2, data.length - 4);
    }

    @Test
    void theByteScannerAgreesWithJacksonOnRealisticFrames() throws Exception {
        for (var json : java.util.List.of(
                """
                {"id":"evt_1","cursor":"42","type":"message.created","workspace_id":"wsp_1","channel_id":"chn_1",
                 "seq":7,"created_at":"2026-01-01T00:00:00.000Z",
                 "payload":{"message_id":"msg_1","author_id":"usr_1",
                   "message":{"id":"msg_1","author":{"id":"usr_1","display_name":"A"},"body":"hi t=5","reactions":[]}}}""",
                """
                {"type":"presence.changed","workspace_id":"wsp_1","channel_id":null,"user_id":"usr_1",
                 "created_at":"2026-01-01T00:00:00.000Z","payload":{"status":"online"}}""",
                " { \"cursor\" : 9 , \"seq\" : null , \"payload\" : [1, {\"a\": \"}\"}], \"type\":\"x\" } ",
                "{\"payload\":{\"message\":{\"body\":\"a \\\"quoted\\\" \\\\ back\\/slash \\u00e9\\ud83e\\udd80\\n\",\"x\":[[],{}]}},\"cursor\":\"1\"}",
                "{\"payload\":{\"message\":{\"body\":null,\"n\":-1.5e3,\"t\":true,\"f\":false}},\"seq\":3}",
                "{\"type\":\"crab 🦀 ü\",\"payload\":{\"message\":\"not an object\"},\"seq\":-2}",
                "{}")) {
            assertThat(bytes(json)).as(json).isEqualTo(Frame.parse(json));
        }
    }

    @Test
    void theByteScannerAgreesWithJacksonOnGeneratedFrames() throws Exception {
        var random = new java.util.Random(42);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int n = 0; n < 2000; n++) {
            var event = new java.util.LinkedHashMap<String, Object>();
            var keys = new java.util.ArrayList<>(java.util.List.of("id", "type", "cursor", "channel_id", "seq", "payload",
                    "created_at", "extra"));
            java.util.Collections.shuffle(keys, random);
            for (var key : keys.subList(0, random.nextInt(keys.size() + 1))) {
                event.put(key, switch (key) {
                    case "cursor" -> random.nextBoolean() ? Long.toString(random.nextLong(1L << 50)) : null;
                    case "seq" -> random.nextBoolean() ? random.nextLong(1L << 40) : null;
                    case "payload" -> java.util.Map.of("message_id", text(random), "message",
                            java.util.Map.of("id", text(random), "body", text(random), "reactions",
                                    java.util.List.of(java.util.Map.of("emoji", text(random)), 1.5, true)));
                    case "extra" -> java.util.List.of(java.util.Map.of("k", text(random)), java.util.List.of(), -7);
                    default -> text(random);
                });
            }
            var json = mapper.writeValueAsString(event);
            assertThat(bytes(json)).as(json).isEqualTo(Frame.parse(json));
        }
    }

    /** Random text with quotes, backslashes, braces, control characters and non-ASCII. */
    private static String text(java.util.Random random) {
        var alphabet = "ab {}[]\":,\\/\n\t\u0001é€🦀 t=";
        var out = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int cp = alphabet.codePoints().toArray()[random.nextInt((int) alphabet.codePoints().count())];
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    @Test
    void theByteScannerRejectsMalformedFrames() {
        for (var json : java.util.List.of("", "[]", "{\"seq\":}", "{\"seq\":1", "{\"type\":\"x}", "{\"seq\":\"7\"}",
                "{\"seq\":1.5}", "{\"a\":1}x", "{\"a\" 1}", "{\"payload\":{\"message\":{\"body\":\"\\q\"}}}")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> bytes(json)).as(json)
                    .isInstanceOf(java.io.IOException.class);
        }
    }
}
