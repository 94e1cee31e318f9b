package chat.clickclack.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 2, through the real server: with a feed budget far below what a burst of large messages
 * takes, the feed drops them early, yet a live socket and a resuming one still get every event once, in
 * order (the dropped ones come from the database).
 */
class FeedBudgetOverSocketTest {
    static final int MESSAGES = 12;
    static TestServer server;
    static TestServer.User ari;
    static String workspaceId;
    static String channelId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("feed_max_bytes", Integer.toString(64 * 1024)));
        ari = server.newUser("Ari");
        var created = ari.api().post("/api/workspaces", Map.of("name", "Big Reef"));
        workspaceId = created.at("/workspace/id").asText();
        channelId = created.at("/channel/id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void largeEventsPastTheBudgetStillReachLiveAndResumingSocketsInOrder() throws Exception {
        var big = "🦞".repeat(5_000) + " ";
        String firstCursor;
        try (var live = WsClient.connect(server.url(), ari.token(), workspaceId, null)) {
            var first = ari.api().post("/api/channels/" + channelId + "/messages", Map.of("body", big + 0));
            firstCursor = first.at("/event/cursor").asText();
            assertThat(live.nextDurable(5000)).isNotNull();
            for (int i = 1; i < MESSAGES; i++) {
                assertThat(ari.api().post("/api/channels/" + channelId + "/messages", Map.of("body", big + i)).status())
                        .isEqualTo(201);
            }
            var events = live.durable(MESSAGES - 1, 10_000);
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).at("/payload/message/body").asText()).isEqualTo(big + (i + 1));
            }
        }
        try (var resumed = WsClient.connect(server.url(), ari.token(), workspaceId, firstCursor)) {
            var events = resumed.durable(MESSAGES - 1, 10_000);
            assertThat(events).extracting(e -> e.at("/payload/message/body").asText())
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(1, MESSAGES).mapToObj(i -> big + i).toList());
        }
    }
}
