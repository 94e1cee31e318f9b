package chat.clickclack.limits;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.auth.MagicLinks;
import chat.clickclack.testing.Api;
import chat.clickclack.testing.TestServer;
import chat.clickclack.webhooks.Webhooks;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 5: magic-link and invite-token guesses ran at over a thousand a second, each a write
 * transaction. Every abusable route now answers 429 with Retry-After once its caller's bucket is empty,
 * without writing anything, and one caller's flood leaves everyone else's bucket alone.
 */
class RateLimitTest {
    static final int LIMIT = 3;
    static TestServer server;
    static TestServer.User ari;
    static TestServer.User bo;
    static String workspaceId;
    static String channelId;

    @BeforeAll
    static void start() {
        var limit = LIMIT + "/1h";
        server = TestServer.start(Map.of(
                "rate_sign_in", limit, "rate_invite_accept", limit, "rate_message_post", limit,
                "rate_reaction", limit, "rate_channel_create", limit, "rate_workspace_create", limit, "rate_search", limit, "rate_webhook", limit));
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

    /** Calls {@code attempt} LIMIT times (each not limited), then once more, which must be a 429 that wrote nothing. */
    private static void assertLimited(Function<Integer, Api.Response> attempt) {
        for (int i = 0; i < LIMIT; i++) {
            assertThat(attempt.apply(i).status()).as("attempt %d", i + 1).isNotEqualTo(429);
        }
        long tail = server.tailCursor();
        var refused = attempt.apply(LIMIT);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).startsWith("too many requests");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(server.tailCursor()).as("a refused request writes nothing").isEqualTo(tail);
    }

    @Test
    void magicLinkGuessesFromOneAddressAreCutOffWithRetryAfter() {
        assertLimited(i -> server.anonymous().post("/api/auth/magic/consume", Map.of("token", "ccm_guess" + i)));
        // Once limited, even a valid link waits: the limit counts attempts, not failures.
        var token = server.app().database().write(tx -> MagicLinks.issue(tx, ari.id()));
        assertThat(server.anonymous().post("/api/auth/magic/consume", Map.of("token", token)).status()).isEqualTo(429);
    }

    @Test
    void inviteTokenGuessesArePerUser() {
        var mallory = server.newUser("Mallory");
        assertLimited(i -> mallory.api().post("/api/invites/cci_guess" + i + "/accept", Map.of()));
        assertThat(bo.api().post("/api/invites/cci_guess/accept", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void postingFasterThanTheLimitIsRefusedForThatUserOnly() {
        var poster = server.newUser("Poster");
        server.join(workspaceId, poster, "member");
        assertLimited(i -> poster.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "flood " + i)));
        // Thread replies share the posting bucket.
        var root = bo.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "root"));
        assertThat(root.status()).isEqualTo(201);
        assertThat(poster.api().post("/api/messages/" + root.at("/message/id").asText() + "/thread/replies",
                Map.of("body", "reply")).status()).isEqualTo(429);
    }

    @Test
    void searchingFasterThanTheLimitIsRefusedForThatUserOnly() {
        var seeker = server.newUser("Seeker");
        server.join(workspaceId, seeker, "member");
        assertLimited(i -> seeker.api().get("/api/search?workspace_id=" + workspaceId + "&q=kelp" + i));
        assertThat(bo.api().get("/api/search?workspace_id=" + workspaceId + "&q=kelp").status()).isEqualTo(200);
    }

    @Test
    void reactionsAreLimitedPerUser() {
        var reactor = server.newUser("Reactor");
        server.join(workspaceId, reactor, "member");
        var id = ari.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "react")).at("/message/id").asText();
        assertLimited(i -> reactor.api().post("/api/messages/" + id + "/reactions", Map.of("emoji", ":r" + i + ":")));
    }

    @Test
    void channelAndWorkspaceCreationAreLimitedPerUser() {
        var builder = server.newUser("Builder");
        server.join(workspaceId, builder, "member");
        assertLimited(i -> builder.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", "flood-" + i)));
        var founder = server.newUser("Founder");
        assertLimited(i -> founder.api().post("/api/workspaces", Map.of("name", "Founder's " + i)));
    }

    @Test
    void aLeakedWebhookKeyFloodsAChannelOnlyAsFastAsTheLimit() {
        var hook = server.app().database().write(tx -> Webhooks.create(tx, channelId, "Flood", ari.id()));
        assertLimited(i -> server.anonymous().post("/hooks/" + hook.key(), Map.of("text", "flood " + i)));
        // the signed-in endpoint for the same payload is the poster's own business (its own bucket)
        assertThat(bo.api().post("/api/hooks/mattermost/" + channelId, Map.of("text", "still fine")).status())
                .isEqualTo(201);
    }
}
