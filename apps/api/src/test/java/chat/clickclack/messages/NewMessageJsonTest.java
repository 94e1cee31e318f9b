package chat.clickclack.messages;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.http.Json;
import chat.clickclack.threads.ThreadState;
import chat.clickclack.users.User;
import chat.clickclack.users.UserStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The send path writes a message's JSON before its sequence exists; splicing it in must equal writing it whole. */
class NewMessageJsonTest {
    private static Message draft(String body) {
        // The author's status text spells the placeholder too: it is a JSON string, so it cannot match.
        var status = new UserStatus("custom", "🦞", "\"channel_seq\":-9223372036854775808", null);
        var author = new User("usr_1", User.HUMAN, "Pinchy \"the\" Lobster", "pinchy", "", status,
                "2026-11-22T00:00:00.000Z");
        return new Message("msg_1", "wsp_1", "chn_1", null, "usr_1", author, null, "msg_1", null, null, body, "markdown",
                "n-1", "2026-11-22T00:00:01.000Z", null, null, ThreadState.empty("msg_1"), List.of(),
                List.of("usr_2"), true, "ci", "https://example.com/ci.png", List.of());
    }

    @Test
    void splicingTheSequenceGivesExactlyWhatJacksonWritesForTheWholeMessage() throws Exception {
        // A body that spells out the placeholder field cannot be mistaken for it: its quotes are escaped.
        var body = "\"channel_seq\":-9223372036854775808 and {\"channel_seq\":1} ünïcødé 🦞";
        var message = draft(body);
        var spliced = NewMessageJson.of(message).withSeq(42);
        var whole = Json.write(NewMessageJson.withSeq(message, 42));
        assertThat(spliced).isEqualTo(whole);
        assertThat(Json.MAPPER.readTree(spliced).path("body").asText()).isEqualTo(body);
        assertThat(Json.MAPPER.readTree(spliced).path("channel_seq").asLong()).isEqualTo(42);
    }

    private static Message reply(String body) {
        var root = draft("root");
        return new Message("msg_2", "wsp_1", "chn_1", null, "usr_1", root.author(), "msg_1", "msg_1", null, null, body,
                "markdown", "n-2", "2026-11-22T00:00:02.000Z", null, null, null, List.of(), List.of(), false, null, null,
                List.of());
    }

    @Test
    void aReplyGetsItsThreadSeqSplicedInAndKeepsChannelSeqEmpty() throws Exception {
        var body = "\"thread_seq\":-9223372036854775808 🦀";
        var spliced = NewMessageJson.of(reply(body)).withSeq(3);
        assertThat(spliced).isEqualTo(Json.write(NewMessageJson.withSeq(reply(body), 3)));
        var tree = Json.MAPPER.readTree(spliced);
        assertThat(tree.path("thread_seq").asLong()).isEqualTo(3);
        assertThat(tree.path("body").asText()).isEqualTo(body);
        assertThat(tree.path("channel_seq").isMissingNode()).as("a reply has no channel_seq").isTrue();
    }

    @Test
    void thePayloadHasTheShapeOfTheMapItReplaces() throws Exception {
        var message = NewMessageJson.withSeq(draft("hi"), 7);
        var written = NewMessageJson.payload(message, Json.write(message));
        var expected = Json.write(Map.of("message_id", "msg_1", "author_id", "usr_1", "message", message));
        assertThat(Json.MAPPER.readTree(written)).isEqualTo(Json.MAPPER.readTree(expected));

        var replied = NewMessageJson.withSeq(reply("hey"), 1);
        var replyPayload = NewMessageJson.payload(replied, Json.write(replied));
        var expectedReply = Json.write(Map.of("message_id", "msg_2", "root_message_id", "msg_1", "author_id", "usr_1",
                "message", replied));
        assertThat(Json.MAPPER.readTree(replyPayload)).isEqualTo(Json.MAPPER.readTree(expectedReply));
    }
}
