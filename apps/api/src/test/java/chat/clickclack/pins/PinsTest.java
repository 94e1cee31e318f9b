package chat.clickclack.pins;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pinning messages over HTTP and the socket: order, duplicates, the 100-pin limit and the events. */
class PinsTest {
    static TestServer server;
    static TestServer.User owner;
    static TestServer.User member;
    static String workspaceId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        owner = server.newUser("Owner Crab");
        member = server.newUser("Member Crab");
        workspaceId = owner.api().post("/api/workspaces", Map.of("name", "Pin Reef")).at("/workspace/id").asText();
        server.join(workspaceId, member, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String channel(String name) {
        var created = owner.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", name));
        assertThat(created.status()).isEqualTo(201);
        return created.at("/channel/id").asText();
    }

    private static String post(String channelId, String body) {
        var posted = member.api().post("/api/channels/" + channelId + "/messages", Map.of("body", body));
        assertThat(posted.status()).isEqualTo(201);
        return posted.at("/message/id").asText();
    }

    @Test
    void pinsListNewestFirstAndEveryChangeIsAnEventOnTheSocket() throws Exception {
        var channelId = channel("pin-board");
        var first = post(channelId, "first to pin");
        var second = post(channelId, "second to pin");
        try (var socket = WsClient.connect(server.url(), owner.token(), workspaceId, null)) {
            var pinned = member.api().post("/api/channels/" + channelId + "/pins", Map.of("message_id", first));
            assertThat(pinned.status()).as(pinned.body()).isEqualTo(201);
            assertThat(pinned.at("/pinned_message/id").asText()).isEqualTo(first);
            assertThat(pinned.at("/event/type").asText()).isEqualTo("pin.added");
            assertThat(owner.api().post("/api/channels/" + channelId + "/pins", Map.of("message_id", second)).status())
                    .isEqualTo(201);

            var list = owner.api().get("/api/channels/" + channelId + "/pins");
            assertThat(list.json().get("messages").findValuesAsText("body")).containsExactly("second to pin", "first to pin");

            var unpinned = owner.api().delete("/api/channels/" + channelId + "/pins/" + first);
            assertThat(unpinned.status()).isEqualTo(200);
            assertThat(unpinned.at("/event/type").asText()).isEqualTo("pin.removed");
            assertThat(owner.api().get("/api/channels/" + channelId + "/pins").json().get("messages")
                    .findValuesAsText("body")).containsExactly("second to pin");

            var seen = socket.durable(3, 5000);
            assertThat(seen).extracting(e -> e.path("type").asText()).containsExactly("pin.added", "pin.added", "pin.removed");
            assertThat(seen.getFirst().at("/payload/message/id").asText()).isEqualTo(first);
            assertThat(seen.getFirst().at("/payload/user_id").asText()).isEqualTo(member.id());
        }
    }

    @Test
    void aDuplicatePinADeletedMessageAndThe101stPinAreConflicts() {
        var channelId = channel("full-board");
        var once = post(channelId, "pinned once");
        assertThat(member.api().post("/api/channels/" + channelId + "/pins", Map.of("message_id", once)).status())
                .isEqualTo(201);
        var gone = post(channelId, "deleted");
        assertThat(member.api().delete("/api/messages/" + gone).status()).isEqualTo(200);
        long tail = server.tailCursor();

        assertThat(member.api().post("/api/channels/" + channelId + "/pins", Map.of("message_id", once)).status())
                .isEqualTo(409);
        assertThat(member.api().post("/api/channels/" + channelId + "/pins", Map.of("message_id", gone)).status())
                .isEqualTo(409);
        assertThat(server.tailCursor()).isEqualTo(tail);

        for (int i = 1; i < Pins.MAX_PER_CHANNEL; i++) {
            var id = post(channelId, "pin " + i);
            assertThat(member.api().post("/api/channels/" + channelId + "/pins", Map.of("message_id", id)).status())
                    .isEqualTo(201);
        }
        var oneTooMany = post(channelId, "one too many");
        var refused = member.api().post("/api/channels/" + channelId + "/pins", Map.of("message_id", oneTooMany));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).contains("100");
        assertThat(owner.api().get("/api/channels/" + channelId + "/pins").json().get("messages")).hasSize(100);
    }
}
