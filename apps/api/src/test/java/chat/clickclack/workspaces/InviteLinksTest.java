package chat.clickclack.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.Main;
import chat.clickclack.auth.TokenHash;
import chat.clickclack.db.Sql;
import chat.clickclack.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Invite links made in the web app (the API) or the CLI, previewed before sign-in, used up, expired, revoked. */
class InviteLinksTest {
    static TestServer server;
    static TestServer.User owner;
    static String workspaceId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("dev", "false"));
        owner = server.newUser("Owner");
        workspaceId = owner.api().post("/api/workspaces", Map.of("name", "Link Reef")).at("/workspace/id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aModeratorCreatesALinkWhoseTokenIsShownOnceAndThatAnyonePreviews() {
        var moderator = server.newUser("Mod");
        server.join(workspaceId, moderator, "moderator");

        var created = moderator.api().post("/api/workspaces/" + workspaceId + "/invites",
                Map.of("expires_in", 3600, "max_uses", 2));

        assertThat(created.status()).isEqualTo(201);
        var token = created.text("token");
        assertThat(created.text("url")).isEqualTo(server.url() + "/app/invite/" + token);
        assertThat(created.at("/invite/max_uses").asLong()).isEqualTo(2);
        assertThat(created.at("/invite/created_by").asText()).isEqualTo(moderator.id());
        var listed = owner.api().get("/api/workspaces/" + workspaceId + "/invites");
        assertThat(listed.body()).contains(created.at("/invite/id").asText()).doesNotContain(token);
        var preview = server.anonymous().get("/api/invites/" + token);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.at("/invite/workspace_name").asText()).isEqualTo("Link Reef");
        assertThat(preview.at("/invite/uses_left").asLong()).isEqualTo(2);
    }

    @Test
    void aMemberMayNotCreateInvites() {
        var member = server.newUser("Member");
        server.join(workspaceId, member, "member");
        var attempt = member.api().post("/api/workspaces/" + workspaceId + "/invites", Map.of());
        assertThat(attempt.status()).isEqualTo(403);
    }

    @Test
    void aUsedUpInviteSaysSoAndAMemberAcceptingAgainUsesNothing() {
        var token = owner.api().post("/api/workspaces/" + workspaceId + "/invites", Map.of("max_uses", 1)).text("token");
        var first = server.newUser("First");
        assertThat(first.api().post("/api/invites/" + token + "/accept", null).status()).isEqualTo(200);

        var second = server.newUser("Second").api().post("/api/invites/" + token + "/accept", null);

        assertThat(second.status()).isEqualTo(410);
        assertThat(second.error()).contains("used up");
        var preview = server.anonymous().get("/api/invites/" + token);
        assertThat(preview.status()).isEqualTo(410);
        assertThat(preview.error()).contains("used up");
    }

    @Test
    void aRevokedOrExpiredInviteSaysWhich() {
        var created = owner.api().post("/api/workspaces/" + workspaceId + "/invites", Map.of());
        owner.api().delete("/api/workspaces/" + workspaceId + "/invites/" + created.at("/invite/id").asText());
        var revoked = server.anonymous().get("/api/invites/" + created.text("token"));
        assertThat(revoked.status()).isEqualTo(410);
        assertThat(revoked.error()).contains("revoked");

        var expiring = new Invites(server.app().database()).create(workspaceId, owner.id(), Invites.MIN_TTL);
        server.app().database().write(tx -> Sql.update(tx.connection(),
                "UPDATE invites SET expires_at = '2020-01-01T00:00:00.000Z' WHERE token_hash = ?",
                TokenHash.of(expiring)));
        var expired = server.anonymous().get("/api/invites/" + expiring);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.error()).contains("expired");
        assertThat(server.anonymous().get("/api/invites/cci_unknown").status()).isEqualTo(404);
    }

    @Test
    void theCliPrintsTheTokenForScriptsAndTheLinkWithUrl() {
        var data = server.dataDir().toString();
        var token = cli("admin", "invite", "create", "--workspace", workspaceId, "--max-uses", "3", "--data", data);
        assertThat(token).startsWith("cci_").doesNotContain("\n");
        var preview = server.anonymous().get("/api/invites/" + token);
        assertThat(preview.at("/invite/uses_left").asLong()).isEqualTo(3);

        var link = cli("admin", "invite", "create", "--workspace", workspaceId, "--expires", "2h", "--url", "--data", data);
        // public_url is not set: the link goes where this server listens
        assertThat(link).startsWith(server.url() + "/app/invite/cci_");
        var fromLink = server.anonymous().get("/api/invites/" + link.substring(link.lastIndexOf('/') + 1));
        assertThat(fromLink.status()).isEqualTo(200);
        assertThat(Main.run("admin", "invite", "create", "--workspace", workspaceId, "--expires", "soon", "--data", data))
                .isNotZero();
    }

    private static String cli(String... args) {
        var saved = System.out;
        var buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args)).isZero();
        } finally {
            System.setOut(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8).trim();
    }
}
