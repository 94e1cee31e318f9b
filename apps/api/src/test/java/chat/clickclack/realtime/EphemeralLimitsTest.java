package chat.clickclack.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 4: ephemeral events took any payload up to 1 MiB, at any rate, to every socket of the
 * workspace. Now the server builds them from fixed fields and limits each user's rate.
 */
class EphemeralLimitsTest {
    static TestServer server;
    static TestServer.User ari;
    static TestServer.User bo;
    static String workspaceId;
    static String channelId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("rate_ephemeral", "5/1h"));
        ari = server.newUser("Ari");
        bo = server.newUser("Bo");
        var created = ari.api().post("/api/workspaces", Map.of("name", "Reef"));
        workspaceId = created.at("/workspace/id").asText();
        channelId = created.at("/channel/id").asText();
        server.join(workspaceId, bo, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> typing(Object payload) {
        var body = new HashMap<String, Object>();
        body.put("workspace_id", workspaceId);
        body.put("channel_id", channelId);
        body.put("type", "typing.started");
        if (payload != null) {
            body.put("payload", payload);
        }
        return body;
    }

    @Test
    void unknownOversizedOrMistypedPayloadsAreRefusedAndOnlyFixedFieldsAreSent() throws Exception {
        var big = bo.api().post("/api/realtime/ephemeral", typing(Map.of("junk", "x".repeat(100_000))));
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.error()).contains("at most 2048 bytes");
        var unknown = bo.api().post("/api/realtime/ephemeral", typing(Map.of("html", "<b>hi</b>")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.error()).contains("not 'html'");
        var badStatus = bo.api().post("/api/realtime/ephemeral",
                Map.of("workspace_id", workspaceId, "type", "presence.changed", "payload", Map.of("status", "pwned")));
        assertThat(badStatus.status()).isEqualTo(400);
        var noChannel = bo.api().post("/api/realtime/ephemeral", Map.of("workspace_id", workspaceId, "type", "typing.started"));
        assertThat(noChannel.status()).isEqualTo(400);

        try (var ws = WsClient.connect(server.url(), ari.token(), workspaceId, null)) {
            // Sentinel: once a durable event arrives, the socket is subscribed (ephemeral events before that drop).
            bo.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "sentinel"));
            assertThat(ws.nextDurable(5000)).isNotNull();
            var sent = bo.api().post("/api/realtime/ephemeral", typing(Map.of("thread_root_id", "msg_01ABC")));
            assertThat(sent.status()).isEqualTo(202);
            var event = ws.next(2000);
            while (event != null && !event.path("type").asText().equals("typing.started")) {
                event = ws.next(2000); // presence of our own socket may come first
            }
            assertThat(event).isNotNull();
            assertThat(event.path("payload").toString()).isEqualTo("{\"thread_root_id\":\"msg_01ABC\"}");
            assertThat(event.path("user_id").asText()).isEqualTo(bo.id());
        }
    }

    @Test
    void aUserPublishingFasterThanTheLimitGets429WithRetryAfter() {
        var chatty = server.newUser("Chatty");
        server.join(workspaceId, chatty, "member");
        for (int i = 0; i < 5; i++) {
            assertThat(chatty.api().post("/api/realtime/ephemeral", typing(null)).status()).isEqualTo(202);
        }
        var limited = chatty.api().post("/api/realtime/ephemeral", typing(null));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(ari.api().post("/api/realtime/ephemeral", typing(null)).status()).isEqualTo(202);
    }
}
