package chat.clickclack.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, presence "away": a user is away when their client says so or when nothing they do reaches the
 * server for a while (5 minutes in production, 400 ms here), and anything they do brings them back. Only
 * changes are announced; the watcher waits on the presence.changed events themselves.
 */
class PresenceAwayTest {
    static TestServer server;
    static TestServer.User ada;
    static TestServer.User bo;
    static String workspaceId;
    static String channelId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("presence_away_ms", "400"));
        ada = server.newUser("Ada Crab");
        bo = server.newUser("Bo Shrimp");
        var created = ada.api().post("/api/workspaces", Map.of("name", "Tide"));
        workspaceId = created.at("/workspace/id").asText();
        channelId = created.at("/channel/id").asText();
        server.join(workspaceId, bo, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Bo's next presence status for Ada, skipping everything else. */
    private static String next(WsClient watcher) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            var frame = watcher.next(Math.max(1, deadline - System.currentTimeMillis()));
            if (frame != null && frame.path("type").asText().equals("presence.changed")
                    && frame.path("user_id").asText().equals(ada.id())) {
                return frame.at("/payload/status").asText();
            }
        }
        return "no presence event";
    }

    private static String listed() {
        var entries = bo.api().get("/api/workspaces/" + workspaceId + "/presence").json().path("presence");
        for (var entry : entries) {
            if (entry.path("user_id").asText().equals(ada.id())) {
                return entry.path("status").asText();
            }
        }
        return "offline";
    }

    private static void say(String status) {
        var answer = ada.api().post("/api/realtime/ephemeral", Map.of("workspace_id", workspaceId,
                "type", "presence.changed", "payload", Map.of("status", status)));
        assertThat(answer.status()).isEqualTo(202);
    }

    @Test
    void idleMeansAwayAndAnyWriteMeansBack() throws Exception {
        try (var watcher = WsClient.connect(server.url(), bo.token(), workspaceId, null)) {
            // Sentinel: presence is ephemeral, so the watcher must be subscribed before Ada connects.
            bo.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "presence sentinel"));
            assertThat(watcher.nextDurable(5000)).as("the sentinel message").isNotNull();
            try (var ws = WsClient.connect(server.url(), ada.token(), workspaceId, null)) {
                assertThat(next(watcher)).isEqualTo("online");
                assertThat(next(watcher)).as("nothing for 400 ms").isEqualTo("away");
                assertThat(listed()).as("away stays until she does something").isEqualTo("away");

                ada.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "back at the keyboard"));
                assertThat(next(watcher)).isEqualTo("online");
                // (Not listed() here: 400 ms later she is idle again, and on a busy machine that can come first.)

                say("away");
                assertThat(next(watcher)).as("the client said so").isEqualTo("away");
                say("away"); // no change, no announcement: the next one Bo sees is the return
                say("online");
                assertThat(next(watcher)).isEqualTo("online");
                assertThat(ws.isClosed()).isFalse();
            }
        }
    }
}
