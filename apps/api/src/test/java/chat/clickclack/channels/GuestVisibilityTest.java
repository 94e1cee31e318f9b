package chat.clickclack.channels;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import java.util.stream.Stream;

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

    /** The guest rows of the authorization matrix: every route on a public channel the guest is not in. */
    @TestFactory
    Stream<DynamicTest> everyChannelRouteRefusesAGuestOutsideTheChannel() {
        var channelId = owner.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", "pier-office"))
                .at("/channel/id").asText();
        var messageId = owner.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "the manifest"))
                .at("/message/id").asText();
        assertThat(owner.api().post("/api/messages/" + messageId + "/reactions", Map.of("emoji", "anchor")).status()).isEqualTo(201);
        assertThat(owner.api().post("/api/channels/" + channelId + "/pins", Map.of("message_id", messageId)).status()).isEqualTo(201);
        var ch = "/api/channels/" + channelId;
        var msg = "/api/messages/" + messageId;
        record Cell(String method, String path, Object body, int status) {}
        var cells = List.of(
                new Cell("GET", ch, null, 404),
                new Cell("PATCH", ch, Map.of("topic", "mine now"), 404),
                new Cell("POST", ch + "/join", null, 403),
                new Cell("POST", ch + "/leave", null, 404),
                new Cell("GET", ch + "/members", null, 404),
                new Cell("POST", ch + "/members", Map.of("user_id", guest.id()), 404),
                new Cell("DELETE", ch + "/members/" + owner.id(), null, 404),
                new Cell("GET", ch + "/pins", null, 404),
                new Cell("POST", ch + "/pins", Map.of("message_id", messageId), 404),
                new Cell("DELETE", ch + "/pins/" + messageId, null, 404),
                new Cell("GET", ch + "/notification-settings", null, 404),
                new Cell("PATCH", ch + "/notification-settings", Map.of("preference", "muted"), 404),
                new Cell("POST", ch + "/read", Map.of("seq", 1), 404),
                new Cell("GET", ch + "/messages", null, 404),
                new Cell("POST", ch + "/messages", Map.of("body", "hello"), 404),
                new Cell("GET", msg, null, 404),
                new Cell("PATCH", msg, Map.of("body", "edited"), 404),
                new Cell("DELETE", msg, null, 404),
                new Cell("GET", msg + "/thread", null, 404),
                new Cell("POST", msg + "/thread/replies", Map.of("body", "reply"), 404),
                new Cell("POST", msg + "/reactions", Map.of("emoji", "crab"), 404),
                new Cell("DELETE", msg + "/reactions/anchor", null, 404));
        return cells.stream().map(cell -> DynamicTest.dynamicTest("a guest: " + cell.method() + " " + cell.path()
                .replace(channelId, "{channel_id}").replace(messageId, "{message_id}"), () -> {
            long tail = server.tailCursor();
            var answer = guest.api().send(cell.method(), cell.path(), cell.body());
            assertThat(answer.status()).as(answer.body()).isEqualTo(cell.status());
            assertThat(answer.json().path("error").asText()).isNotBlank();
            assertThat(answer.body()).doesNotContain("the manifest").doesNotContain("pier-office");
            assertThat(server.tailCursor()).as("a refusal writes nothing").isEqualTo(tail);
        }));
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
