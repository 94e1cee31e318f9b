package chat.clickclack;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.Api;
import chat.clickclack.testing.ClickClackJar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Acknowledged means stored": a message answered with 201 survives the server being killed with
 * SIGKILL right after the answer — no shutdown hook, no checkpoint, no flush beyond what the commit did.
 */
class DurabilityIT {
    private static final int POSTERS = 8;
    private static final int ACKS_BEFORE_KILL = 20;

    @TempDir
    Path dir;

    @Test
    void aMessageAcknowledgedWith201SurvivesASigkillRightAfterTheResponse() {
        var data = dir.resolve("data");
        String messageId;
        String channelId;
        try (var server = ClickClackJar.serve(data, "--dev")) {
            channelId = generalChannel(server.anonymous());
            var posted = server.anonymous().post("/api/channels/" + channelId + "/messages", Map.of("body", "one and only"));
            assertThat(posted.status()).isEqualTo(201);
            server.kill();
            messageId = posted.at("/message/id").asText();
        }

        try (var restarted = ClickClackJar.serve(data, "--dev")) {
            var message = restarted.anonymous().get("/api/messages/" + messageId);
            assertThat(message.status()).as("the acknowledged message after SIGKILL").isEqualTo(200);
            assertThat(message.at("/message/body").asText()).isEqualTo("one and only");
        }
    }

    @Test
    void everyMessageAcknowledgedDuringAConcurrentBurstSurvivesASigkillAtTheTwentiethAck() throws Exception {
        var data = dir.resolve("data");
        var acknowledged = new ConcurrentHashMap<String, String>();
        String channelId;
        try (var server = ClickClackJar.serve(data, "--dev")) {
            var api = server.anonymous();
            channelId = generalChannel(api);
            var killed = new AtomicBoolean();
            var unexpected = new ConcurrentLinkedQueue<String>();
            var twentiethAck = new CountDownLatch(1);
            var futures = new ArrayList<Future<?>>();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int p = 0; p < POSTERS; p++) {
                    int poster = p;
                    futures.add(pool.submit(() -> {
                        // post until the server is gone; every 201 that arrives counts, even after the kill began
                        for (int n = 0; !killed.get() && unexpected.isEmpty(); n++) {
                            var body = "poster " + poster + " message " + n;
                            Api.Response response;
                            try {
                                response = api.post("/api/channels/" + channelId + "/messages", Map.of("body", body));
                            } catch (IllegalStateException connectionLost) {
                                if (!killed.get()) {
                                    unexpected.add("connection lost before the kill: " + connectionLost.getMessage());
                                }
                                return;
                            } catch (AssertionError contractViolation) {
                                unexpected.add(contractViolation.getMessage());
                                return;
                            }
                            if (response.status() != 201) {
                                unexpected.add(response.status() + " " + response.body());
                                return;
                            }
                            acknowledged.put(response.at("/message/id").asText(), body);
                            if (acknowledged.size() >= ACKS_BEFORE_KILL && killed.compareAndSet(false, true)) {
                                server.kill();
                                twentiethAck.countDown();
                            }
                        }
                    }));
                }
            }
            for (var future : futures) {
                future.get();
            }
            assertThat(unexpected).as("answers other than 201 before the kill").isEmpty();
            assertThat(twentiethAck.getCount()).as("twenty acks, then the kill").isZero();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        try (var restarted = ClickClackJar.serve(data, "--dev")) {
            var api = restarted.anonymous();
            for (var ack : acknowledged.entrySet()) {
                var message = api.get("/api/messages/" + ack.getKey());
                assertThat(message.status()).as("acknowledged %s after SIGKILL", ack.getKey()).isEqualTo(200);
                assertThat(message.at("/message/body").asText()).isEqualTo(ack.getValue());
            }
            var timeline = api.get("/api/channels/" + channelId + "/messages?limit=200");
            var seqs = new ArrayList<Long>();
            var ids = new ArrayList<String>();
            timeline.json().get("messages").forEach(m -> {
                seqs.add(m.get("channel_seq").asLong());
                ids.add(m.get("id").asText());
            });
            assertThat(ids).containsAll(acknowledged.keySet());
            assertThat(seqs).as("no gaps after recovery").containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, seqs.size()).boxed().toList());
            // and the recovered server keeps counting from where the log ends
            var next = api.post("/api/channels/" + channelId + "/messages", Map.of("body", "after the crash"));
            assertThat(next.status()).isEqualTo(201);
            assertThat(next.at("/message/channel_seq").asLong()).isEqualTo(seqs.size() + 1L);
        }
    }

    /** The dev user's #general (the dev fallback creates its workspace on start). */
    private static String generalChannel(Api api) {
        var workspaces = api.get("/api/workspaces");
        assertThat(workspaces.status()).isEqualTo(200);
        var workspaceId = workspaces.at("/workspaces/0/id").asText();
        var channels = api.get("/api/workspaces/" + workspaceId + "/channels");
        List<String> general = new ArrayList<>();
        channels.json().get("channels").forEach(c -> {
            if (c.get("name").asText().equals("general")) {
                general.add(c.get("id").asText());
            }
        });
        assertThat(general).hasSize(1);
        return general.getFirst();
    }
}
