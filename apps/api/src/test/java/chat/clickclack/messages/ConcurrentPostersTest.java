package chat.clickclack.messages;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.Api;
import chat.clickclack.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many people posting into one channel at the same instant: the single writer must hand out
 * channel_seq 1..N with no gap and no duplicate, and a retried nonce must never create a second message.
 */
class ConcurrentPostersTest {
    private static final int POSTERS = 50;

    private static TestServer server;
    private static TestServer.User owner;
    private static String workspaceId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        owner = server.newUser("Channel Owner");
        var created = owner.api().post("/api/workspaces", Map.of("name", "Busy Reef"));
        assertThat(created.status()).isEqualTo(201);
        workspaceId = created.at("/workspace/id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void fiftyConcurrentPostersGetChannelSeqOneToFiftyEachMessageOnce() throws Exception {
        var channelId = newChannel("stampede");
        var posters = new ArrayList<TestServer.User>();
        for (int i = 0; i < POSTERS; i++) {
            var poster = server.newUser("Poster " + i);
            server.join(workspaceId, poster, "member");
            posters.add(poster);
        }

        var barrier = new CyclicBarrier(POSTERS);
        var responses = new ArrayList<Api.Response>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<Api.Response>>();
            for (int i = 0; i < POSTERS; i++) {
                var poster = posters.get(i);
                var body = "message from poster " + i;
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return poster.api().post("/api/channels/" + channelId + "/messages", Map.of("body", body));
                }));
            }
            for (var future : futures) {
                responses.add(future.get());
            }
        }

        assertThat(responses).extracting(Api.Response::status).containsOnly(201);
        var acknowledged = responses.stream().map(r -> r.at("/message/id").asText()).toList();
        assertThat(acknowledged).doesNotHaveDuplicates();
        // each poster got its own message back, with its own body and author
        for (int i = 0; i < POSTERS; i++) {
            assertThat(responses.get(i).at("/message/body").asText()).isEqualTo("message from poster " + i);
            assertThat(responses.get(i).at("/message/author_id").asText()).isEqualTo(posters.get(i).id());
        }

        var timeline = owner.api().get("/api/channels/" + channelId + "/messages?limit=200");
        assertThat(timeline.status()).isEqualTo(200);
        var messages = timeline.json().get("messages");
        var seqs = new ArrayList<Long>();
        var ids = new ArrayList<String>();
        messages.forEach(m -> {
            seqs.add(m.get("channel_seq").asLong());
            ids.add(m.get("id").asText());
        });
        assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, POSTERS).boxed().toList());
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acknowledged);
        // the acknowledged seq of each message is the one the timeline shows
        for (var response : responses) {
            int index = ids.indexOf(response.at("/message/id").asText());
            assertThat(seqs.get(index)).isEqualTo(response.at("/message/channel_seq").asLong());
        }
        var channel = owner.api().get("/api/channels/" + channelId);
        assertThat(channel.at("/channel/last_seq").asLong()).isEqualTo(POSTERS);

        // the event log tells the same story, in the same order: cursor order is channel_seq order
        var log = owner.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&limit=1000");
        var createdSeqs = new ArrayList<Long>();
        log.json().get("events").forEach(e -> {
            if (e.get("type").asText().equals("message.created") && e.get("channel_id").asText().equals(channelId)) {
                createdSeqs.add(e.get("seq").asLong());
            }
        });
        assertThat(createdSeqs).containsExactlyElementsOf(LongStream.rangeClosed(1, POSTERS).boxed().toList());
    }

    @Test
    void fiftyConcurrentRetriesOfOneNonceCreateExactlyOneMessage() throws Exception {
        var channelId = newChannel("retries");
        var retrier = server.newUser("Flaky Network Crab");
        server.join(workspaceId, retrier, "member");
        var request = Map.of("body", "sent once, retried often", "nonce", "nonce-7f3a");

        var barrier = new CyclicBarrier(POSTERS);
        List<Api.Response> responses = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<Api.Response>>();
            for (int i = 0; i < POSTERS; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return retrier.api().post("/api/channels/" + channelId + "/messages", request);
                }));
            }
            for (var future : futures) {
                responses.add(future.get());
            }
        }

        assertThat(responses.stream().filter(r -> r.status() == 201).count()).as("created once").isEqualTo(1);
        assertThat(responses.stream().filter(r -> r.status() == 200).count()).as("replayed")
                .isEqualTo(POSTERS - 1);
        var ids = responses.stream().map(r -> r.at("/message/id").asText()).distinct().toList();
        assertThat(ids).hasSize(1);
        var eventIds = responses.stream().map(r -> r.at("/event/id").asText()).distinct().toList();
        assertThat(eventIds).as("every answer carries the original message.created event").hasSize(1);

        var timeline = retrier.api().get("/api/channels/" + channelId + "/messages");
        assertThat(timeline.json().get("messages")).hasSize(1);
        assertThat(timeline.at("/messages/0/id").asText()).isEqualTo(ids.getFirst());
        assertThat(timeline.at("/messages/0/channel_seq").asLong()).isEqualTo(1);
        assertThat(timeline.at("/messages/0/nonce").asText()).isEqualTo("nonce-7f3a");
    }

    private static String newChannel(String name) {
        var created = owner.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", name));
        assertThat(created.status()).isEqualTo(201);
        return created.at("/channel/id").asText();
    }
}
