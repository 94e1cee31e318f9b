package chat.clickclack.reads;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/channels/{id}/read and the read state on channel objects, on the real server. */
class ChannelReadTest {
    static TestServer server;
    static TestServer.User reader;
    static TestServer.User writer;
    static String workspaceId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        reader = server.newUser("Reader");
        writer = server.newUser("Writer");
        workspaceId = reader.api().post("/api/workspaces", Map.of("name", "Read Reef")).at("/workspace/id").asText();
        server.join(workspaceId, writer, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String newChannel(String name) {
        var created = reader.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", name));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.at("/channel").has("last_read_seq")).as("create answers are not per reader").isFalse();
        return created.at("/channel/id").asText();
    }

    private static String post(String channelId, String body) {
        var posted = writer.api().post("/api/channels/" + channelId + "/messages", Map.of("body", body));
        assertThat(posted.status()).isEqualTo(201);
        return posted.at("/message/id").asText();
    }

    private static com.fasterxml.jackson.databind.JsonNode channel(TestServer.User user, String channelId) {
        return user.api().get("/api/channels/" + channelId).at("/channel");
    }

    @Test
    void unreadCountsRootMessagesAfterThePointerForEachReaderSeparately() {
        var channelId = newChannel("counting");
        assertThat(channel(reader, channelId).path("unread_count").asLong()).isZero();
        assertThat(channel(reader, channelId).path("last_read_seq").asLong()).isZero();
        post(channelId, "one");
        var two = post(channelId, "two");
        post(channelId, "three");
        // a thread reply is not a root message: it does not count
        assertThat(writer.api().post("/api/messages/" + two + "/thread/replies", Map.of("body", "reply")).status())
                .isEqualTo(201);
        assertThat(channel(reader, channelId).path("unread_count").asLong()).isEqualTo(3);

        var marked = reader.api().post("/api/channels/" + channelId + "/read", Map.of("seq", 2));
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.at("/receipt/scope_id").asText()).isEqualTo(channelId);
        assertThat(marked.at("/receipt/user_id").asText()).isEqualTo(reader.id());
        assertThat(marked.at("/receipt/last_read_seq").asLong()).isEqualTo(2);
        assertThat(marked.at("/receipt/last_read_at").asText()).isNotBlank();

        assertThat(channel(reader, channelId).path("last_read_seq").asLong()).isEqualTo(2);
        assertThat(channel(reader, channelId).path("unread_count").asLong()).isEqualTo(1);
        // the writer's pointer did not move, and their own messages are never unread to them
        assertThat(channel(writer, channelId).path("last_read_seq").asLong()).isZero();
        assertThat(channel(writer, channelId).path("unread_count").asLong()).isZero();
        assertThat(reader.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "mine")).status())
                .isEqualTo(201);
        assertThat(channel(reader, channelId).path("unread_count").asLong()).isEqualTo(1);
        assertThat(channel(writer, channelId).path("unread_count").asLong()).isEqualTo(1);
        var listed = reader.api().get("/api/workspaces/" + workspaceId + "/channels").json().path("channels");
        var inList = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                .filter(c -> c.path("id").asText().equals(channelId)).findFirst().orElseThrow();
        assertThat(inList.path("unread_count").asLong()).isEqualTo(1);
        assertThat(inList.path("last_read_seq").asLong()).isEqualTo(2);
        var paged = reader.api().get("/api/workspaces/" + workspaceId + "/channels?limit=500").json().path("channels");
        assertThat(paged.findValues("unread_count")).hasSize(paged.size());

        // deleting an unread message takes it out of the count
        var lastId = post(channelId, "four");
        assertThat(channel(reader, channelId).path("unread_count").asLong()).isEqualTo(2);
        assertThat(writer.api().delete("/api/messages/" + lastId).status()).isEqualTo(200);
        assertThat(channel(reader, channelId).path("unread_count").asLong()).isEqualTo(1);
    }

    @Test
    void thePointerOnlyMovesForwardIsCappedAtLastSeqAndAnOldSeqWritesNoEvent() {
        var channelId = newChannel("forward");
        post(channelId, "one");
        post(channelId, "two");
        var capped = reader.api().post("/api/channels/" + channelId + "/read", Map.of("seq", 999));
        assertThat(capped.at("/receipt/last_read_seq").asLong()).isEqualTo(2);
        long tail = server.tailCursor();

        var back = reader.api().post("/api/channels/" + channelId + "/read", Map.of("seq", 1));
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.at("/receipt")).isEqualTo(capped.at("/receipt"));
        var same = reader.api().post("/api/channels/" + channelId + "/read", Map.of("seq", 2));
        assertThat(same.at("/receipt")).isEqualTo(capped.at("/receipt"));
        assertThat(server.tailCursor()).as("no event for a pointer that did not move").isEqualTo(tail);
        assertThat(channel(reader, channelId).path("unread_count").asLong()).isZero();

        post(channelId, "three");
        var forward = reader.api().post("/api/channels/" + channelId + "/read", Map.of("seq", 3));
        assertThat(forward.at("/receipt/last_read_seq").asLong()).isEqualTo(3);
        assertThat(server.tailCursor()).isGreaterThan(tail);
    }

    @Test
    void markingAnEmptyChannelReadKeepsThePointerAtZero() {
        var channelId = newChannel("empty");
        var marked = reader.api().post("/api/channels/" + channelId + "/read", Map.of("seq", 5));
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.at("/receipt/last_read_seq").asLong()).isZero();
    }
}
