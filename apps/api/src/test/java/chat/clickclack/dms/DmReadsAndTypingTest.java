package chat.clickclack.dms;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, the rest of a DM's life on the real server: the other member learns of a new conversation at
 * once ({@code dm.created}), read state (unread and mention counts, a forward-only pointer capped at the
 * newest message, {@code dm.read} for the reader's other sessions only), and typing that reaches the
 * conversation's members and nobody else. A channel signal sent afterwards is the sentinel each time.
 */
class DmReadsAndTypingTest {
    static TestServer server;
    static TestServer.User a;
    static TestServer.User b;
    static TestServer.User c;
    static String workspaceId;
    static String channelId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.newUser("Ada Crab");
        b = server.newUser("Bo Shrimp");
        c = server.newUser("Cy Lobster");
        var created = a.api().post("/api/workspaces", Map.of("name", "Reef"));
        workspaceId = created.at("/workspace/id").asText();
        channelId = created.at("/channel/id").asText();
        server.join(workspaceId, b, "member");
        server.join(workspaceId, c, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The first frame matching {@code match}, skipping others; fails after five seconds. */
    private static JsonNode await(WsClient ws, Predicate<JsonNode> match) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            var frame = ws.next(Math.max(1, deadline - System.currentTimeMillis()));
            if (frame != null && match.test(frame)) {
                return frame;
            }
        }
        throw new AssertionError("no matching frame within 5 s");
    }

    private static Predicate<JsonNode> type(String type) {
        return f -> f.path("type").asText().equals(type);
    }

    private static JsonNode conversation(TestServer.User as, String dmId) {
        return as.api().get("/api/dms/" + dmId).json().path("conversation");
    }

    private static String handle(TestServer.User user) {
        return user.api().get("/api/me").at("/user/handle").asText();
    }

    @Test
    void theOtherMemberLearnsOfANewConversationAtOnceAndOthersDoNot() throws Exception {
        var d = server.newUser("Dee Prawn");
        server.join(workspaceId, d, "member");
        try (var bSocket = WsClient.connect(server.url(), b.token(), workspaceId, null);
                var cSocket = WsClient.connect(server.url(), c.token(), workspaceId, null)) {
            var created = a.api().post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", List.of(b.id(), d.id())));
            assertThat(created.status()).isEqualTo(201);
            var dmId = created.at("/conversation/id").asText();
            var sentinel = c.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "sentinel")).at("/event/cursor").asText();

            var event = await(bSocket, type("dm.created"));
            assertThat(event.at("/payload/conversation/id").asText()).isEqualTo(dmId);
            assertThat(event.at("/payload/conversation/members").findValuesAsText("id")).containsExactlyInAnyOrder(a.id(), b.id(), d.id());
            assertThat(event.at("/payload/conversation/unread_count").isMissingNode()).as("read state is per user").isTrue();
            assertThat(cSocket.nextDurable(5000).path("cursor").asText()).isEqualTo(sentinel);
            assertThat(cSocket.drain()).noneMatch(f -> f.toString().contains(dmId));
            assertThat(await(bSocket, f -> f.has("cursor")).path("cursor").asText()).isEqualTo(sentinel);

            var again = a.api().post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", List.of(b.id(), d.id())));
            assertThat(again.status()).isEqualTo(200);
            var sentinel2 = c.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "sentinel 2")).at("/event/cursor").asText();
            assertThat(await(bSocket, f -> f.has("cursor")).path("cursor").asText()).as("no second dm.created").isEqualTo(sentinel2);
        }
    }

    @Test
    void unreadAndMentionCountsAndAForwardOnlyPointer() throws Exception {
        var dmId = a.api().post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", List.of(b.id())))
                .at("/conversation/id").asText();
        var start = conversation(b, dmId).path("last_seq").asLong();
        a.api().post("/api/dms/" + dmId + "/messages", Map.of("body", "first"));
        a.api().post("/api/dms/" + dmId + "/messages", Map.of("body", "hey @" + handle(b) + " look"));
        b.api().post("/api/dms/" + dmId + "/messages", Map.of("body", "my own message is no news to me"));
        a.api().post("/api/dms/" + dmId + "/messages", Map.of("body", "third"));

        var forB = conversation(b, dmId);
        assertThat(forB.path("last_seq").asLong()).isEqualTo(start + 4);
        assertThat(forB.path("unread_count").asLong()).isEqualTo(3);
        assertThat(forB.path("mention_count").asLong()).isEqualTo(1);
        var listed = b.api().get("/api/dms?workspace_id=" + workspaceId).json().path("conversations");
        var inList = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                .filter(x -> x.path("id").asText().equals(dmId)).findFirst().orElseThrow();
        assertThat(inList.path("unread_count").asLong()).isEqualTo(3);
        assertThat(conversation(a, dmId).path("unread_count").asLong()).as("A's own view").isEqualTo(1);

        try (var bOtherTab = WsClient.connect(server.url(), b.token(), workspaceId, null);
                var aSocket = WsClient.connect(server.url(), a.token(), workspaceId, null)) {
            var marked = b.api().post("/api/dms/" + dmId + "/read", Map.of("seq", start + 2));
            assertThat(marked.status()).isEqualTo(200);
            assertThat(marked.at("/receipt/scope_id").asText()).isEqualTo(dmId);
            assertThat(marked.at("/receipt/last_read_seq").asLong()).isEqualTo(start + 2);
            var event = await(bOtherTab, type("dm.read"));
            assertThat(event.at("/payload/direct_conversation_id").asText()).isEqualTo(dmId);
            assertThat(event.at("/payload/receipt/last_read_seq").asLong()).isEqualTo(start + 2);
            var sentinel = c.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "read sentinel")).at("/event/cursor").asText();
            assertThat(await(aSocket, f -> f.has("cursor")).path("cursor").asText()).as("A never learns what B read").isEqualTo(sentinel);
        }
        var after = conversation(b, dmId);
        assertThat(after.path("unread_count").asLong()).isEqualTo(1);
        assertThat(after.path("mention_count").asLong()).isZero();

        var back = b.api().post("/api/dms/" + dmId + "/read", Map.of("seq", 1));
        assertThat(back.at("/receipt/last_read_seq").asLong()).as("only forward").isEqualTo(start + 2);
        var capped = b.api().post("/api/dms/" + dmId + "/read", Map.of("seq", 1_000_000));
        assertThat(capped.at("/receipt/last_read_seq").asLong()).as("capped at last_seq").isEqualTo(start + 4);
        assertThat(conversation(b, dmId).path("unread_count").asLong()).isZero();

        assertThat(c.api().post("/api/dms/" + dmId + "/read", Map.of("seq", 1)).status()).isEqualTo(404);
        assertThat(b.api().post("/api/dms/" + dmId + "/read", Map.of("seq", -1)).status()).isEqualTo(400);
        assertThat(b.api().post("/api/dms/" + dmId + "/read", Map.of("seq", "2")).status()).isEqualTo(400);
        assertThat(b.api().post("/api/dms/" + dmId + "/read", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void typingInAConversationReachesItsMembersOnly() throws Exception {
        var dmId = a.api().post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", List.of(b.id())))
                .at("/conversation/id").asText();
        try (var bSocket = WsClient.connect(server.url(), b.token(), workspaceId, null);
                var cSocket = WsClient.connect(server.url(), c.token(), workspaceId, null)) {
            // Sentinel: typing is ephemeral, so both sockets must be subscribed before anyone types.
            var sentinel = a.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "typing sentinel"))
                    .at("/event/cursor").asText();
            assertThat(bSocket.awaitCursor(sentinel, 5000)).as("the sentinel").isNotNull();
            assertThat(cSocket.awaitCursor(sentinel, 5000)).as("the sentinel").isNotNull();
            var typed = a.api().post("/api/realtime/ephemeral", Map.of("workspace_id", workspaceId,
                    "direct_conversation_id", dmId, "type", "typing.started"));
            assertThat(typed.status()).isEqualTo(202);
            a.api().post("/api/realtime/ephemeral", Map.of("workspace_id", workspaceId, "channel_id", channelId,
                    "type", "typing.started"));

            var forB = await(bSocket, type("typing.started"));
            assertThat(forB.path("direct_conversation_id").asText()).isEqualTo(dmId);
            assertThat(forB.path("channel_id").isMissingNode()).isTrue();
            assertThat(forB.path("user_id").asText()).isEqualTo(a.id());
            var forC = await(cSocket, type("typing.started"));
            assertThat(forC.path("channel_id").asText()).as("C's first typing frame is the channel one").isEqualTo(channelId);
            assertThat(cSocket.drain()).noneMatch(f -> f.toString().contains(dmId));
        }
        assertThat(c.api().post("/api/realtime/ephemeral", Map.of("workspace_id", workspaceId,
                "direct_conversation_id", dmId, "type", "typing.started")).status()).isEqualTo(404);
        assertThat(a.api().post("/api/realtime/ephemeral", Map.of("workspace_id", workspaceId, "channel_id", channelId,
                "direct_conversation_id", dmId, "type", "typing.started")).status()).isEqualTo(400);
        assertThat(a.api().post("/api/realtime/ephemeral", Map.of("workspace_id", workspaceId,
                "direct_conversation_id", dmId, "type", "presence.changed")).status()).isEqualTo(400);
    }
}
