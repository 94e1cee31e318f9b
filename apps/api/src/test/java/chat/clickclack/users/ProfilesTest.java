package chat.clickclack.users;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.db.Sql;
import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PATCH /api/me on the real server: names, handles, avatars, statuses, and where the change shows. */
class ProfilesTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> status(String preset, String emoji, String text, String expiresAt) {
        var status = new HashMap<String, Object>();
        status.put("preset", preset);
        status.put("emoji", emoji);
        status.put("text", text);
        status.put("expires_at", expiresAt);
        status.values().removeIf(v -> v == null);
        return status;
    }

    @Test
    void aNewUserIsAHumanWithAnEmptyAvatarAndNoStatus() {
        var me = server.newUser("Fresh Shrimp").api().get("/api/me");

        assertThat(me.at("/user/kind").asText()).isEqualTo("human");
        assertThat(me.at("/user/handle").asText()).startsWith("fresh-shrimp");
        assertThat(me.at("/user/avatar_url").isTextual()).isTrue();
        assertThat(me.at("/user/avatar_url").asText()).isEmpty();
        assertThat(me.at("/user").has("status")).as("no status field at all").isFalse();
    }

    @Test
    void everyProfileFieldChangesAtOnceAndShowsOnMeMembersAndMessages() {
        var user = server.newUser("Profile Crab");
        var workspace = user.api().post("/api/workspaces", Map.of("name", "Profile Reef"));
        var workspaceId = workspace.at("/workspace/id").asText();
        var expiresAt = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

        var changed = user.api().patch("/api/me", Map.of(
                "display_name", "  Captain Claw ",
                "handle", "@Captain_Claw-1",
                "avatar_url", "https://img.example.com/claw.png",
                "status", status(null, "\uD83E\uDD80", "reviewing the reef", expiresAt)));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.at("/user/display_name").asText()).isEqualTo("Captain Claw");
        assertThat(changed.at("/user/handle").asText()).isEqualTo("captain_claw-1");
        assertThat(changed.at("/user/avatar_url").asText()).isEqualTo("https://img.example.com/claw.png");
        assertThat(changed.at("/user/status/preset").asText()).isEqualTo("custom");
        assertThat(changed.at("/user/status/emoji").asText()).isEqualTo("\uD83E\uDD80");
        assertThat(changed.at("/user/status/text").asText()).isEqualTo("reviewing the reef");
        assertThat(Instant.parse(changed.at("/user/status/expires_at").asText())).isEqualTo(Instant.parse(expiresAt));

        assertThat(user.api().get("/api/me").at("/user")).isEqualTo(changed.at("/user"));
        var members = user.api().get("/api/workspaces/" + workspaceId + "/members");
        assertThat(members.at("/members/0/user")).isEqualTo(changed.at("/user"));
        var posted = user.api().post("/api/channels/" + workspace.at("/channel/id").asText() + "/messages",
                Map.of("body", "status check"));
        assertThat(posted.at("/message/author/status/emoji").asText()).isEqualTo("\uD83E\uDD80");
    }

    @Test
    void aPresetBringsItsEmojiAndTextAndNullClearsTheStatus() {
        var api = server.newUser("Preset Prawn").api();

        var molting = api.patch("/api/me", Map.of("status", status("molting", null, null, null)));
        assertThat(molting.at("/user/status/preset").asText()).isEqualTo("molting");
        assertThat(molting.at("/user/status/emoji").asText()).isEqualTo("\uD83E\uDD9E");
        assertThat(molting.at("/user/status/text").asText()).isEqualTo("Molting");
        assertThat(molting.at("/user/status").has("expires_at")).as("never expires").isFalse();

        var afk = api.patch("/api/me", Map.of("status", status("afk", "\uD83C\uDF0A", "lunch", null)));
        assertThat(afk.at("/user/status/emoji").asText()).isEqualTo("\uD83C\uDF0A");
        assertThat(afk.at("/user/status/text").asText()).isEqualTo("lunch");

        var renamed = api.patch("/api/me", Map.of("display_name", "Prawn Again"));
        assertThat(renamed.at("/user/status/text").asText()).as("a change without status keeps it").isEqualTo("lunch");

        var body = new HashMap<String, Object>();
        body.put("status", null);
        var cleared = api.patch("/api/me", body);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.at("/user").has("status")).isFalse();
        assertThat(api.get("/api/me").at("/user").has("status")).isFalse();
    }

    @Test
    void anExpiredStatusIsNoLongerShown() {
        var user = server.newUser("Expiring Lobster");
        var set = user.api().patch("/api/me", Map.of("status",
                status("lurking", null, null, Instant.now().plus(1, ChronoUnit.HOURS).toString())));
        assertThat(set.at("/user/status/preset").asText()).isEqualTo("lurking");

        // An hour passes: the stored expiry now lies in the past.
        server.app().database().write(tx -> Sql.update(tx.connection(),
                "UPDATE users SET status_expires_at = ? WHERE id = ?",
                Instant.now().minusSeconds(1).toString(), user.id()));

        assertThat(user.api().get("/api/me").at("/user").has("status")).isFalse();
        var renamed = user.api().patch("/api/me", Map.of("display_name", "Still Lobster"));
        assertThat(renamed.at("/user").has("status")).as("an expired status does not come back").isFalse();
    }

    @Test
    void aTakenHandleIsAConflictAndChangesNothing() {
        var first = server.newUser("Handle Holder");
        var second = server.newUser("Handle Seeker");
        assertThat(first.api().patch("/api/me", Map.of("handle", "the-claw")).status()).isEqualTo(200);
        var before = second.api().get("/api/me").at("/user");

        var taken = second.api().patch("/api/me", Map.of("display_name", "Seeker Renamed", "handle", "THE-CLAW"));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.error()).contains("@the-claw").contains("taken");
        assertThat(second.api().get("/api/me").at("/user")).isEqualTo(before);
        assertThat(first.api().patch("/api/me", Map.of("handle", "the-claw")).status())
                .as("keeping your own handle is no conflict").isEqualTo(200);
    }

    @Test
    void anEmptyAvatarUrlRemovesTheAvatar() {
        var api = server.newUser("Avatar Crab").api();
        api.patch("/api/me", Map.of("avatar_url", "http://example.com/a.png"));

        var cleared = api.patch("/api/me", Map.of("avatar_url", ""));

        assertThat(cleared.at("/user/avatar_url").asText()).isEmpty();
    }

    @Test
    void userUpdatedReachesEveryWorkspaceOfTheUserAndNoOther() throws Exception {
        var crab = server.newUser("Traveling Crab");
        var stranger = server.newUser("Stranger Eel");
        var home = crab.api().post("/api/workspaces", Map.of("name", "Home Reef")).at("/workspace/id").asText();
        var away = stranger.api().post("/api/workspaces", Map.of("name", "Away Reef")).at("/workspace/id").asText();
        server.join(away, crab, "member");
        var elsewhere = stranger.api().post("/api/workspaces", Map.of("name", "Elsewhere"));
        var elsewhereId = elsewhere.at("/workspace/id").asText();
        var tail = Long.toString(server.tailCursor());

        try (var homeSocket = WsClient.connect(server.url(), crab.token(), home, tail);
                var awaySocket = WsClient.connect(server.url(), stranger.token(), away, tail);
                var elsewhereSocket = WsClient.connect(server.url(), stranger.token(), elsewhereId, tail)) {
            var changed = crab.api().patch("/api/me", Map.of("status", status("molting", null, null, null)));
            assertThat(changed.status()).isEqualTo(200);
            // A sentinel in the workspace the crab is not in: it must be the first thing that socket sees.
            var sentinel = stranger.api().post("/api/channels/" + elsewhere.at("/channel/id").asText() + "/messages",
                    Map.of("body", "sentinel"));

            for (var entry : Map.of(home, homeSocket, away, awaySocket).entrySet()) {
                var event = entry.getValue().nextDurable(5000);
                assertThat(event).isNotNull();
                assertThat(event.path("type").asText()).isEqualTo("user.updated");
                assertThat(event.path("workspace_id").asText()).isEqualTo(entry.getKey());
                assertThat(event.at("/payload/user_id").asText()).isEqualTo(crab.id());
                assertThat(event.at("/payload/user/status/emoji").asText()).isEqualTo("\uD83E\uDD9E");
            }
            var first = elsewhereSocket.nextDurable(5000);
            assertThat(first.path("cursor").asText()).isEqualTo(sentinel.at("/event/cursor").asText());
        }
        var catchUp = stranger.api().get("/api/realtime/events?workspace_id=" + away + "&after_cursor=" + tail);
        assertThat(catchUp.json().get("events").findValuesAsText("type")).contains("user.updated");
    }
}
