package chat.clickclack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.events.EventRetention;
import chat.clickclack.testing.Api;
import chat.clickclack.testing.TestServer;
import chat.clickclack.workspaces.Invites;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignInTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("dev", "false"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String magicToken(TestServer.User user) {
        return server.app().database().write(tx -> MagicLinks.issue(tx, user.id()));
    }

    /** The cookie's secret, as a browser would keep it. */
    static String cookieSecret(Api.Response signedIn) {
        var cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring("cc_session=".length(), cookie.indexOf(';'));
    }

    @Test
    void aMagicTokenSignsInOnceAndSetsAnHttpOnlySessionCookieWhoseSecretIsNeverInTheBody() {
        var ari = server.newUser("Ari");
        var token = magicToken(ari);
        var signedIn = server.anonymous().post("/api/auth/magic/consume", Map.of("token", token, "credential", "cookie"));
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.at("/user/id").asText()).isEqualTo(ari.id());
        var cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("cc_session=ccs_").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(signedIn.json().has("token")).isFalse();
        assertThat(signedIn.json().path("session").has("token")).isFalse();
        assertThat(signedIn.body()).doesNotContain(cookieSecret(signedIn));
        var again = server.anonymous().post("/api/auth/magic/consume", Map.of("token", token));
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.error()).contains("already used");
        assertThat(server.anonymous().post("/api/auth/magic/consume", Map.of("token", "ccm_forged")).status()).isEqualTo(401);
    }

    @Test
    void anApiClientGetsABearerTokenOfItsOwnAndNoCookie() {
        var dee = server.newUser("Dee");
        var signedIn = server.anonymous().post("/api/auth/magic/consume", Map.of("token", magicToken(dee)));
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.headers().firstValue("Set-Cookie")).isEmpty();
        var token = signedIn.text("token");
        assertThat(token).startsWith("cct_");
        assertThat(signedIn.at("/session/token").asText()).isEqualTo(token);
        assertThat(signedIn.at("/session/user_id").asText()).isEqualTo(dee.id());
        var bearer = server.anonymous().withHeader("Authorization", "Bearer " + token);
        assertThat(bearer.get("/api/me").at("/user/id").asText()).isEqualTo(dee.id());
        // A browser session of the same user is a different credential: signing the API client out leaves it.
        var browser = server.anonymous().post("/api/auth/magic/consume",
                Map.of("token", magicToken(dee), "credential", "cookie"));
        var cookie = server.anonymous().withHeader("Cookie", "cc_session=" + cookieSecret(browser));
        assertThat(cookieSecret(browser)).isNotEqualTo(token);
        assertThat(bearer.post("/api/auth/logout", null).status()).isEqualTo(204);
        assertThat(cookie.get("/api/me").at("/user/id").asText()).isEqualTo(dee.id());
        assertThat(server.anonymous().post("/api/auth/magic/consume", Map.of("token", magicToken(dee), "credential", "both"))
                .status()).isEqualTo(400);
    }

    @Test
    void inspectingALinkSaysWhoseItIsWithoutUsingItUp() {
        var eve = server.newUser("Eve Example");
        var token = magicToken(eve);
        var inspected = server.anonymous().post("/api/auth/magic/inspect", Map.of("token", token));
        assertThat(inspected.status()).isEqualTo(200);
        assertThat(inspected.at("/user/id").asText()).isEqualTo(eve.id());
        assertThat(inspected.text("display_name")).isEqualTo("Eve Example");
        assertThat(inspected.text("email")).isEqualTo(eve.email());
        assertThat(inspected.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(inspected.json().has("signed_in_as")).as("nobody is signed in").isFalse();
        // Signed in as someone else: the answer names them, so the page can ask before switching.
        var fay = server.newUser("Fay");
        var asFay = server.anonymous().withHeader("Authorization", "Bearer " + fay.token())
                .post("/api/auth/magic/inspect", Map.of("token", token));
        assertThat(asFay.at("/signed_in_as/id").asText()).isEqualTo(fay.id());
        var badCookie = server.anonymous().withHeader("Cookie", "cc_session=ccs_revoked")
                .post("/api/auth/magic/inspect", Map.of("token", token));
        assertThat(badCookie.status()).isEqualTo(200);
        assertThat(badCookie.json().has("signed_in_as")).isFalse();
        assertThat(server.anonymous().post("/api/auth/magic/consume", Map.of("token", token)).status()).isEqualTo(200);
        assertThat(server.anonymous().post("/api/auth/magic/inspect", Map.of("token", token)).status()).isEqualTo(401);
        assertThat(server.anonymous().post("/api/auth/magic/inspect", Map.of("token", "ccm_forged")).status()).isEqualTo(401);
    }

    @Test
    void anotherSiteCannotSignAVisitorInWithItsOwnToken() {
        var mallory = server.newUser("Mallory");
        var token = magicToken(mallory);
        var forged = server.anonymous().withHeader("Origin", "https://evil.example")
                .post("/api/auth/magic/consume", Map.of("token", token));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Set-Cookie")).isEmpty();
        // refused before it was used: the rightful owner of the token can still sign in
        var own = server.anonymous().withHeader("Origin", server.url()).post("/api/auth/magic/consume", Map.of("token", token));
        assertThat(own.status()).isEqualTo(200);
    }

    @Test
    void cookieWritesNeedTheCsrfHeaderAndOurOwnOrigin() {
        var bo = server.newUser("Bo");
        var session = cookieSecret(server.anonymous().post("/api/auth/magic/consume",
                Map.of("token", magicToken(bo), "credential", "cookie")));
        var browser = server.anonymous().withHeader("Cookie", "cc_session=" + session);
        assertThat(browser.get("/api/me").at("/user/id").asText()).isEqualTo(bo.id());
        var noHeader = browser.post("/api/workspaces", Map.of("name", "Sneaky"));
        assertThat(noHeader.status()).isEqualTo(403);
        assertThat(noHeader.error()).contains("X-ClickClack-CSRF");
        var withHeader = browser.withHeader("X-ClickClack-CSRF", "1");
        assertThat(withHeader.withHeader("Origin", "https://evil.example").post("/api/workspaces", Map.of("name", "Sneaky"))
                .status()).isEqualTo(403);
        assertThat(withHeader.withHeader("Origin", server.url()).post("/api/workspaces", Map.of("name", "Legit")).status())
                .isEqualTo(201);
        long sneaky = server.app().database().read(c -> chat.clickclack.db.Sql.longValue(c,
                "SELECT count(*) FROM workspaces WHERE name = 'Sneaky'"));
        assertThat(sneaky).isZero();
    }

    @Test
    void logoutRevokesTheSession() {
        var cy = server.newUser("Cy");
        var session = server.anonymous().post("/api/auth/magic/consume", Map.of("token", magicToken(cy))).text("token");
        var bearer = server.anonymous().withHeader("Authorization", "Bearer " + session);
        assertThat(bearer.post("/api/auth/logout", null).status()).isEqualTo(204);
        assertThat(bearer.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void withoutTheDevFallbackRequestsNeedCredentials() {
        var response = server.anonymous().get("/api/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo("authentication required");
    }

    @Test
    void anInviteLetsASignedInUserJoinItsWorkspace() {
        var host = server.newUser("Host");
        var guest = server.newUser("Guest");
        var workspaceId = host.api().post("/api/workspaces", Map.of("name", "Open House")).at("/workspace/id").asText();
        assertThat(guest.api().get("/api/workspaces/" + workspaceId).status()).isEqualTo(403);
        var invite = new Invites(server.app().database()).create(workspaceId, host.id(), Invites.DEFAULT_TTL);
        var accepted = guest.api().post("/api/invites/" + invite + "/accept", null);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.at("/workspace/role").asText()).isEqualTo("member");
        assertThat(accepted.at("/event/type").asText()).isEqualTo("member.joined");
        assertThat(guest.api().get("/api/workspaces/" + workspaceId).status()).isEqualTo(200);
        assertThat(guest.api().post("/api/invites/cci_bogus/accept", null).status()).isEqualTo(404);
    }

    @Test
    void prunedCursorsAnswerGoneOverHttp() {
        var owner = server.newUser("Pruner");
        var workspaceId = owner.api().post("/api/workspaces", Map.of("name", "Old Reef")).at("/workspace/id").asText();
        var old = owner.api().get("/api/realtime/events?workspace_id=" + workspaceId).json().at("/events/0/cursor").asText();
        EventRetention.pruneBefore(server.app().database(), Instant.now().plusSeconds(1));
        var gone = owner.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&after_cursor=" + old);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.error()).contains("pruned");
        var fresh = owner.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&include_tail=true");
        assertThat(fresh.status()).isEqualTo(200);
        var resumed = owner.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&after_cursor=" + fresh.text("tail_cursor"));
        assertThat(resumed.status()).isEqualTo(200);
    }
}
