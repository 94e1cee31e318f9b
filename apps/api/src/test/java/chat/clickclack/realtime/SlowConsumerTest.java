package chat.clickclack.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlowConsumerTest {
    @Test
    void aSubscriberThatStopsReadingIsCutOffWhileAHealthyOneKeepsUpAndTheSlowOneCanResume() throws Exception {
        try (var server = TestServer.start(Map.of("subscriber_buffer", "32"))) {
            var owner = server.newUser("Owner");
            var created = owner.api().post("/api/workspaces", Map.of("name", "Busy Reef"));
            var workspaceId = created.at("/workspace/id").asText();
            var channelId = created.at("/channel/id").asText();
            var start = Long.toString(server.tailCursor());
            // Big bodies fill the socket buffers quickly, so the stalled reader really blocks the server's sends.
            var body = "🦞".repeat(15_000);

            var slow = WsClient.connect(server.url(), owner.token(), workspaceId, start, true);
            try (var healthy = WsClient.connect(server.url(), owner.token(), workspaceId, start)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> server.app().hub().subscriberCount() == 2);
                int posted = 0;
                while (server.app().hub().subscriberCount() == 2 && posted < 3000) {
                    var sentAt = System.nanoTime();
                    owner.api().post("/api/channels/" + channelId + "/messages", Map.of("body", body + posted));
                    posted++;
                    var event = healthy.nextDurable(2000);
                    assertThat(event).as("healthy subscriber got message %d", posted).isNotNull();
                    assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).isLessThan(Duration.ofSeconds(2));
                }
                assertThat(server.app().hub().subscriberCount()).as("the stalled subscriber was disconnected").isEqualTo(1);
                // the healthy subscriber keeps receiving after the cut
                owner.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "after the cut"));
                var after = healthy.nextDurable(2000);
                assertThat(after.at("/payload/message/body").asText()).isEqualTo("after the cut");

                // the slow client reads what reached it, learns why it was closed, and resumes losslessly
                slow.resume();
                var closed = slow.awaitClose(10_000);
                assertThat(closed.code()).isIn(1013, 1006);
                var got = slow.drain().stream().filter(f -> f.has("cursor")).toList();
                var resumeFrom = got.isEmpty() ? start : got.getLast().path("cursor").asText();
                try (var again = WsClient.connect(server.url(), owner.token(), workspaceId, resumeFrom)) {
                    int missing = posted + 1 - got.size();
                    var rest = again.durable(missing, 10_000);
                    assertThat(rest.getLast().at("/payload/message/body").asText()).isEqualTo("after the cut");
                }
            }
        }
    }
}
