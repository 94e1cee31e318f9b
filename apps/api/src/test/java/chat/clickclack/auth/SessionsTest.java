package chat.clickclack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.Main;
import chat.clickclack.realtime.CloseCodes;
import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A user's sessions: listed without secrets, signed out one by one; and an admin disabling a user. */
class SessionsTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("dev", "false"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A second sign-in of the same user, as a browser: magic link → cookie. */
    private static String cookieSignIn(TestServer.User user) {
        var token = server.app().database().write(tx -> MagicLinks.issue(tx, user.id()));
        var signedIn = server.anonymous().post("/api/auth/magic/consume", Map.of("token", token, "credential", "cookie"));
        assertThat(signedIn.status()).isEqualTo(200);
        return SignInTest.cookieSecret(signedIn);
    }

    private static String workspaceOf(TestServer.User user) {
        return user.api().post("/api/workspaces", Map.of("name", "Session Reef")).at("/workspace/id").asText();
    }

    @Test
    void aUserSeesTheirSessionsWithoutSecretsAndWhichOneIsThisOne() {
        var ari = server.newUser("Ari");
        var cookie = cookieSignIn(ari);
        var browser = server.anonymous().withHeader("Cookie", "cc_session=" + cookie);

        var list = browser.get("/api/me/sessions");

        assertThat(list.status()).isEqualTo(200);
        var sessions = list.json().get("sessions");
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).get("kind").asText()).isEqualTo("cookie");
        assertThat(sessions.get(0).get("current").asBoolean()).isTrue();
        assertThat(sessions.get(0).has("last_used_at")).as("this request used it").isTrue();
        assertThat(sessions.get(1).get("kind").asText()).isEqualTo("bearer");
        assertThat(sessions.get(1).get("current").asBoolean()).isFalse();
        assertThat(list.body()).doesNotContain(cookie).doesNotContain(ari.token()).doesNotContain("token");
        // someone else sees only their own
        assertThat(server.newUser("Dee").api().get("/api/me/sessions").json().get("sessions")).hasSize(1);
    }

    @Test
    void signingOutAnotherSessionClosesItsSocketsAndItsCredentialStopsWorking() throws Exception {
        var ari = server.newUser("Ari");
        var workspaceId = workspaceOf(ari);
        var cookie = cookieSignIn(ari);
        var browser = server.anonymous().withHeader("Cookie", "cc_session=" + cookie);
        var bearerSession = browser.get("/api/me/sessions").json().get("sessions").get(1).get("id").asText();
        try (var socket = WsClient.connect(server.url(), ari.token(), workspaceId, null)) {
            var revoked = browser.withHeader("X-ClickClack-CSRF", "1").delete("/api/me/sessions/" + bearerSession);

            assertThat(revoked.status()).isEqualTo(204);
            assertThat(socket.awaitClose(5_000).code()).isEqualTo(CloseCodes.POLICY_VIOLATION);
        }
        assertThat(ari.api().get("/api/me").status()).isEqualTo(401);
        assertThat(browser.get("/api/me").status()).as("this browser stays signed in").isEqualTo(200);
        assertThat(browser.get("/api/me/sessions").json().get("sessions")).hasSize(1);
    }

    @Test
    void anotherUsersSessionIsNotFoundAndStaysActive() {
        var ari = server.newUser("Ari");
        var dee = server.newUser("Dee");
        var deeSession = dee.api().get("/api/me/sessions").at("/sessions/0/id").asText();

        var attempt = ari.api().delete("/api/me/sessions/" + deeSession);

        assertThat(attempt.status()).isEqualTo(404);
        assertThat(dee.api().get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void anAdminDisablingAUserFromTheCliClosesTheirSocketsAtOnceAndRefusesTheirSignIns() throws Exception {
        var ari = server.newUser("Ari");
        var workspaceId = workspaceOf(ari);
        var cookie = cookieSignIn(ari);
        var pendingLink = server.app().database().write(tx -> MagicLinks.issue(tx, ari.id()));
        try (var socket = WsClient.connect(server.url(), ari.token(), workspaceId, null)) {
            // The CLI opens the database on its own (as another process would): the server learns of it
            // from the event log it polls, not from a call.
            var out = cli("admin", "user", "disable", "--email", ari.email(), "--data", server.dataDir().toString());

            assertThat(out).isEqualTo(ari.id());
            var closed = socket.awaitClose(3_000);
            assertThat(closed.code()).isEqualTo(CloseCodes.POLICY_VIOLATION);
            assertThat(closed.reason()).isEqualTo("account disabled");
        }
        assertThat(ari.api().get("/api/me").status()).isEqualTo(401);
        assertThat(server.anonymous().withHeader("Cookie", "cc_session=" + cookie).get("/api/me").status()).isEqualTo(401);
        var link = server.anonymous().post("/api/auth/magic/consume", Map.of("token", pendingLink));
        assertThat(link.status()).as("an unused link died with the account").isEqualTo(401);
        var fresh = server.app().database().write(tx -> MagicLinks.issue(tx, ari.id()));
        var refused = server.anonymous().post("/api/auth/magic/consume", Map.of("token", fresh));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).contains("disabled");
        assertThat(cli("admin", "user", "list", "--data", server.dataDir().toString()))
                .contains(ari.id() + "\t" + ari.email() + "\t@").contains("\tdisabled\thuman\tAri");
    }

    /** Runs the CLI in this JVM and answers its stdout, trimmed. */
    private static String cli(String... args) {
        var saved = System.out;
        var buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args)).as("exit code of %s", String.join(" ", args)).isZero();
        } finally {
            System.setOut(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8).trim();
    }
}
