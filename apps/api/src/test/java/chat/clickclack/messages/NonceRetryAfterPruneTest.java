package chat.clickclack.messages;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.events.EventRetention;
import chat.clickclack.testing.TestServer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A nonce retry answers with the original message and its event; once `admin events prune` removed that
 * event, the retry is a 409 naming the message (it used to be a 500 from an empty Optional).
 */
class NonceRetryAfterPruneTest {
    @Test
    void aRetryWhoseEventWasPrunedIsAConflictNotA500() {
        try (var server = TestServer.start()) {
            var user = server.newUser("Prune Prawn");
            var created = user.api().post("/api/workspaces", Map.of("name", "Pruned Reef"));
            var channelId = created.at("/channel/id").asText();
            var post = Map.of("body", "once", "nonce", "n-1");
            var root = user.api().post("/api/channels/" + channelId + "/messages", post);
            var rootId = root.at("/message/id").asText();
            var replyBody = Map.of("body", "reply once", "nonce", "n-2");
            var reply = user.api().post("/api/messages/" + rootId + "/thread/replies", replyBody);
            assertThat(root.status()).isEqualTo(201);
            assertThat(reply.status()).isEqualTo(201);

            EventRetention.pruneBefore(server.app().database(), Instant.now().plusSeconds(60));

            var retry = user.api().post("/api/channels/" + channelId + "/messages", post);
            assertThat(retry.status()).isEqualTo(409);
            assertThat(retry.error()).contains(rootId);
            var replyRetry = user.api().post("/api/messages/" + rootId + "/thread/replies", replyBody);
            assertThat(replyRetry.status()).isEqualTo(409);
            assertThat(replyRetry.error()).contains(reply.at("/message/id").asText());
            var page = user.api().get("/api/channels/" + channelId + "/messages").json();
            assertThat(page.path("messages")).hasSize(1);
        }
    }
}
