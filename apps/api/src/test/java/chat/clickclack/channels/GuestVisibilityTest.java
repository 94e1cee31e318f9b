package chat.clickclack.channels;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: a guest sees only the channels they were added to (and #general, which everyone joins): other
 * public channels are not listed, not readable, not searchable, send them no events (not even their
 * creation), and a guest cannot join one by themselves (403). Once a member adds them, all of it opens up.
 * Delivery is waited for on a sentinel in #general, never by sleeping.
 */
class GuestVisibilityTest {
    static TestServer server;
    static TestServer.User owner;
    static TestServer.User guest;
    static String workspaceId;
    static String generalId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        owner = server.newUser("Harbour Master");
        guest = server.newUser("Visiting Diver");
        var created = owner.api().post("/api/workspaces", Map.of("name", "Harbour"));
        workspaceId = created.at("/workspace/id").asText();
        generalId = created.at("/channel/id").asText();
        server.join(workspaceId, guest, "guest");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String sentinel(String body) {
        var posted = owner.api().post("/api/channels/" + generalId + "/messages", Map.of("body", body));
        assertThat(posted.status()).isEqualTo(201);
        return posted.at("/event/cursor").asText();
    }

    @Test
    void aGuestSeesOnlyTheChannelsTheyWereAddedTo() throws Exception {
        try (var socket = WsClient.connect(server.url(), guest.token(), workspaceId, null)) {
            var created = owner.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", "dock-talk"));
            var channelId = created.at("/channel/id").asText();
            var posted = owner.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "crates at pier nine"));
            var messageId = posted.at("/message/id").asText();
            var sentinel = sentinel("sentinel for the guest");
            assertThat(socket.nextDurable(5000).path("cursor").asText())
                    .as("no channel.created, no message of the channel").isEqualTo(sentinel);
            assertThat(socket.drain().toString()).doesNotContain(channelId);

            var list = guest.api().get("/api/workspaces/" + workspaceId + "/channels");
            assertThat(list.body()).doesNotContain(channelId).contains(generalId);
            for (var path : List.of("/api/channels/" + channelId, "/api/channels/" + channelId + "/messages",
                    "/api/channels/" + channelId + "/members", "/api/messages/" + messageId,
                    "/api/messages/" + messageId + "/thread")) {
                assertThat(guest.api().get(path).status()).as(path).isEqualTo(404);
            }
            long tail = server.tailCursor();
            var join = guest.api().post("/api/channels/" + channelId + "/join", null);
            assertThat(join.status()).as(join.body()).isEqualTo(403);
            assertThat(join.json().path("error").asText()).contains("guest");
            assertThat(guest.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "hi")).status())
                    .isEqualTo(404);
            assertThat(server.tailCursor()).as("refusals write nothing").isEqualTo(tail);
            assertThat(socket.view(channelId).path("type").asText()).isEqualTo("view.refused");
            var search = "/api/search?workspace_id=" + workspaceId + "&q=crates";
            assertThat(guest.api().get(search).json().path("results")).isEmpty();
            assertThat(owner.api().get(search).json().path("results")).isNotEmpty();

            var added = owner.api().post("/api/channels/" + channelId + "/members", Map.of("user_id", guest.id()));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            var welcome = owner.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "welcome aboard"));
            var seen = socket.durable(2, 5000);
            assertThat(seen).extracting(e -> e.path("cursor").asText())
                    .containsExactly(added.at("/event/cursor").asText(), welcome.at("/event/cursor").asText());
            assertThat(guest.api().get("/api/workspaces/" + workspaceId + "/channels").body()).contains(channelId);
            assertThat(guest.api().get("/api/channels/" + channelId + "/messages").body()).contains("crates at pier nine");
            assertThat(guest.api().get("/api/messages/" + messageId).status()).isEqualTo(200);
            assertThat(guest.api().get(search).json().path("results")).isNotEmpty();
        }
    }
}
