package chat.clickclack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.Api;
import chat.clickclack.testing.Contract;
import chat.clickclack.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GitHub sign-in, the whole flow over real HTTP: the browser (an HTTP client that keeps cookies and follows
 * each redirect by hand) → our start → the GitHub stand-in's authorize page → our callback → the stand-in's
 * token, user and orgs endpoints → a session cookie. Plus every way it must refuse.
 */
class GitHubSignInTest {
    static final GitHubStandIn.Account OCTO = new GitHubStandIn.Account(583231, "octocat", "The Octocat", List.of("reef-org"));
    static final GitHubStandIn.Account STRANGER = new GitHubStandIn.Account(9_000_001, "stranger", "", List.of("elsewhere"));

    static GitHubStandIn github;
    static TestServer server;
    static TestServer orgOnly;

    @BeforeAll
    static void start() throws Exception {
        github = new GitHubStandIn();
        server = TestServer.start(settings(Map.of()));
        orgOnly = TestServer.start(settings(Map.of("github_allowed_org", "Reef-Org")));
    }

    static Map<String, String> settings(Map<String, String> extra) {
        var settings = new LinkedHashMap<String, String>();
        settings.put("dev", "false");
        settings.put("github_client_id", GitHubStandIn.CLIENT_ID);
        settings.put("github_client_secret", GitHubStandIn.CLIENT_SECRET);
        settings.put("github_oauth_url", github.url());
        settings.put("github_api_url", github.url() + "/api");
        settings.putAll(extra);
        return settings;
    }

    @AfterAll
    static void stop() {
        server.close();
        orgOnly.close();
        github.close();
    }

    /** A browser: keeps cookies (by name; enough for two hosts that set different ones) and never follows redirects itself. */
    static final class Browser {
        private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(String url) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (var setCookie : response.headers().allValues("Set-Cookie")) {
                var pair = setCookie.substring(0, setCookie.indexOf(';'));
                var name = pair.substring(0, pair.indexOf('='));
                var value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            var uri = URI.create(url);
            if (uri.getPath().startsWith("/api/")) {
                // our own answers must match the contract, redirects included
                assertThat(Contract.get().check("GET", uri.getRawPath(), response.statusCode(),
                        response.statusCode() == 302 ? "" : response.body())).isEmpty();
            }
            return response;
        }

        /** Follows one redirect. */
        HttpResponse<String> follow(HttpResponse<String> redirect, String base) throws Exception {
            assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
            var location = redirect.headers().firstValue("Location").orElseThrow();
            return get(location.startsWith("/") ? base + location : location);
        }

        Api api(TestServer on) {
            return on.anonymous().withHeader("Cookie", "cc_session=" + cookies.get("cc_session"));
        }
    }

    /** Start → GitHub → the callback's answer (not followed). */
    static HttpResponse<String> signIn(Browser browser, TestServer on, String startQuery, GitHubStandIn.Account as)
            throws Exception {
        github.signInAs(as);
        var start = browser.get(on.url() + "/api/auth/github/start" + startQuery);
        assertThat(start.headers().firstValue("Location").orElseThrow()).startsWith(github.url() + "/login/oauth/authorize?");
        var authorize = browser.follow(start, on.url());
        assertThat(authorize.statusCode()).isEqualTo(302);
        return browser.follow(authorize, on.url());
    }

    private static String invite(TestServer on) {
        var owner = on.newUser("Owner");
        var ws = owner.api().post("/api/workspaces", Map.of("name", "GitHub Reef")).at("/workspace/id").asText();
        return owner.api().post("/api/workspaces/" + ws + "/invites", Map.of()).text("token");
    }

    @Test
    void anInviteeSignsInWithGitHubComesBackToTheInviteAndIsKnownByGitHubIdNextTime() throws Exception {
        var inviteToken = invite(server);
        var browser = new Browser();

        var done = signIn(browser, server, "?invite=" + inviteToken, OCTO);

        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).contains("/app/invite/" + inviteToken);
        assertThat(done.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("cc_session=ccs_") && c.contains("HttpOnly"));
        assertThat(browser.cookies).doesNotContainKey(GitHubSignIn.STATE_COOKIE);
        var me = browser.api(server).get("/api/me");
        assertThat(me.at("/user/display_name").asText()).isEqualTo("The Octocat");
        assertThat(me.at("/user/handle").asText()).isEqualTo("octocat");
        // PKCE: GitHub got a S256 challenge, never the verifier; the state was not guessable
        var asked = github.authorizeRequests.getLast();
        assertThat(asked.get("code_challenge_method")).isEqualTo("S256");
        assertThat(asked.get("state")).hasSizeGreaterThan(40);
        assertThat(asked.get("redirect_uri")).isEqualTo(server.url() + "/api/auth/github/callback");

        // The same GitHub id with a new login is the same user, without any invite this time.
        var renamed = new GitHubStandIn.Account(OCTO.id(), "octo-renamed", "The Octocat", OCTO.orgs());
        var again = new Browser();
        var second = signIn(again, server, "", renamed);
        assertThat(second.headers().firstValue("Location")).contains("/app");
        assertThat(again.api(server).get("/api/me").at("/user/id").asText()).isEqualTo(me.at("/user/id").asText());
    }

    @Test
    void aNewGitHubUserWithoutAnInviteGetsNoAccount() throws Exception {
        var browser = new Browser();
        var done = signIn(browser, server, "", new GitHubStandIn.Account(777, "uninvited", "Uninvited", List.of()));
        assertThat(done.statusCode()).isEqualTo(403);
        assertThat(done.body()).contains("invite");
        assertThat(browser.cookies).doesNotContainKey("cc_session");
    }

    @Test
    void aForgedStateIsRefused() throws Exception {
        var browser = new Browser();
        github.signInAs(OCTO);
        browser.get(server.url() + "/api/auth/github/start");

        var forged = browser.get(server.url() + "/api/auth/github/callback?code=code-1&state=forged-state");

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("start again");
        assertThat(browser.cookies).doesNotContainKey("cc_session");
    }

    @Test
    void aCallbackInAnotherBrowserThanTheOneThatStartedIsRefused() throws Exception {
        var victim = new Browser();
        var attacker = new Browser();
        github.signInAs(OCTO);
        var start = attacker.get(server.url() + "/api/auth/github/start");
        var authorize = attacker.follow(start, server.url());
        var callbackUrl = authorize.headers().firstValue("Location").orElseThrow();

        // The attacker sends the victim their own callback link (login CSRF).
        var refused = victim.get(callbackUrl);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("not started in this browser");
        assertThat(victim.cookies).doesNotContainKey("cc_session");
    }

    @Test
    void aReplayedCallbackOrCodeIsRefused() throws Exception {
        var inviteToken = invite(server);
        var browser = new Browser();
        github.signInAs(OCTO);
        var start = browser.get(server.url() + "/api/auth/github/start?invite=" + inviteToken);
        var stateCookie = browser.cookies.get(GitHubSignIn.STATE_COOKIE);
        var authorize = browser.follow(start, server.url());
        var callbackUrl = authorize.headers().firstValue("Location").orElseThrow();
        assertThat(browser.get(callbackUrl).statusCode()).isEqualTo(302);

        // The same callback again, even with the state cookie put back: the state was used up.
        browser.cookies.put(GitHubSignIn.STATE_COOKIE, stateCookie);
        var replay = browser.get(callbackUrl);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("already used");

        // The old code in a fresh flow of this browser: GitHub refuses it, and so do we.
        var oldCode = GitHubStandIn.query(URI.create(callbackUrl)).get("code");
        var fresh = browser.follow(browser.get(server.url() + "/api/auth/github/start"), server.url());
        var state = GitHubStandIn.query(URI.create(fresh.headers().firstValue("Location").orElseThrow())).get("state");
        var replayedCode = browser.get(server.url() + "/api/auth/github/callback?code=" + oldCode + "&state=" + state);
        assertThat(replayedCode.statusCode()).isEqualTo(401);
        assertThat(replayedCode.body()).contains("bad_verification_code");
    }

    @Test
    void withAnAllowedOrgOnlyItsMembersGetIn() throws Exception {
        var member = new Browser();
        var in = signIn(member, orgOnly, "", OCTO);
        assertThat(in.statusCode()).as(in.body()).isEqualTo(302);
        assertThat(member.api(orgOnly).get("/api/me").status()).isEqualTo(200);
        assertThat(github.authorizeRequests.getLast().get("scope")).contains("read:org");

        var outsider = new Browser();
        var out = signIn(outsider, orgOnly, "", STRANGER);
        assertThat(out.statusCode()).isEqualTo(403);
        assertThat(out.body()).contains("Reef-Org");
        assertThat(outsider.cookies).doesNotContainKey("cc_session");
    }

    @Test
    void aDisabledUserCannotSignInWithGitHub() throws Exception {
        var account = new GitHubStandIn.Account(4242, "soon-gone", "Soon Gone", List.of("reef-org"));
        var first = new Browser();
        assertThat(signIn(first, orgOnly, "", account).statusCode()).isEqualTo(302);
        var userId = first.api(orgOnly).get("/api/me").at("/user/id").asText();
        orgOnly.app().database().write(tx -> Accounts.disable(tx, userId));
        assertThat(first.api(orgOnly).get("/api/me").status()).as("its session was revoked").isEqualTo(401);

        var again = signIn(new Browser(), orgOnly, "", account);

        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).contains("disabled");
    }

    @Test
    void theSignInPageIsToldGitHubIsThereAndAServerWithoutItAnswers501() {
        assertThat(server.anonymous().get("/api/auth/providers").json().get("github").asBoolean()).isTrue();
        try (var plain = TestServer.start(Map.of("dev", "false"))) {
            var start = plain.anonymous().get("/api/auth/github/start");
            assertThat(start.status()).isEqualTo(501);
            assertThat(start.error()).contains("github_client_id");
        }
    }
}
