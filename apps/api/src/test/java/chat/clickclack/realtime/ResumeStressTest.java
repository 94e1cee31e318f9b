package chat.clickclack.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Many writers on several channels while subscribers drop and resume at random moments: every
 * subscriber must end with exactly the workspace's event log — no gap, no duplicate, same order.
 */
class ResumeStressTest {
    static final int WRITERS = 12;
    static final int POSTS_PER_WRITER = 40;
    static final int SUBSCRIBERS = 12;

    @Test
    void everyResumingSubscriberSeesTheWholeLogExactlyOnceInOrder() throws Exception {
        try (var server = TestServer.start()) {
            var owner = server.newUser("Owner");
            var created = owner.api().post("/api/workspaces", Map.of("name", "Stress Reef"));
            var workspaceId = created.at("/workspace/id").asText();
            var channels = new ArrayList<String>();
            channels.add(created.at("/channel/id").asText());
            for (int i = 0; i < 3; i++) {
                channels.add(owner.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", "c" + i))
                        .at("/channel/id").asText());
            }
            var start = owner.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&include_tail=true&limit=1")
                    .text("tail_cursor");

            var received = new ConcurrentHashMap<Integer, List<String>>();
            var writersDone = new AtomicBoolean();
            var subscribersDone = new CountDownLatch(SUBSCRIBERS);
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int s = 0; s < SUBSCRIBERS; s++) {
                    int id = s;
                    pool.submit(() -> {
                        var cursors = new ArrayList<String>();
                        received.put(id, cursors);
                        var random = new Random(id);
                        String cursor = start;
                        try {
                            while (true) {
                                boolean finalPass = writersDone.get();
                                try (var ws = WsClient.connect(server.url(), owner.token(), workspaceId, cursor)) {
                                    // read a random number of events, then drop the connection mid-stream
                                    int budget = finalPass ? Integer.MAX_VALUE : 1 + random.nextInt(60);
                                    for (int n = 0; n < budget; n++) {
                                        var event = ws.nextDurable(finalPass ? 1500 : 300);
                                        if (event == null) {
                                            break;
                                        }
                                        cursor = event.path("cursor").asText();
                                        cursors.add(cursor);
                                    }
                                }
                                if (finalPass) {
                                    return null;
                                }
                            }
                        } finally {
                            subscribersDone.countDown();
                        }
                    });
                }
                var writers = new ArrayList<java.util.concurrent.Future<?>>();
                for (int w = 0; w < WRITERS; w++) {
                    int id = w;
                    var writer = server.newUser("Writer " + w);
                    server.join(workspaceId, writer, "member");
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < POSTS_PER_WRITER; i++) {
                            var channel = channels.get((id + i) % channels.size());
                            var response = writer.api().post("/api/channels/" + channel + "/messages",
                                    Map.of("body", "w" + id + " #" + i));
                            assertThat(response.status()).isEqualTo(201);
                        }
                        return null;
                    }));
                }
                for (var writer : writers) {
                    writer.get();
                }
                writersDone.set(true);
                subscribersDone.await();
            }

            var log = new ArrayList<String>();
            String after = start;
            while (true) {
                var page = owner.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&limit=1000&after_cursor=" + after);
                page.json().path("events").forEach(e -> log.add(e.path("cursor").asText()));
                after = page.text("next_cursor");
                if (!page.json().path("has_more").asBoolean()) {
                    break;
                }
            }
            assertThat(log).hasSizeGreaterThanOrEqualTo(WRITERS * POSTS_PER_WRITER);
            for (var entry : received.entrySet()) {
                assertThat(entry.getValue()).as("subscriber %d", entry.getKey()).isEqualTo(log);
            }
        }
    }
}
