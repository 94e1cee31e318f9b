package chat.clickclack;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.ClickClackJar;
import chat.clickclack.testing.Contract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "must show": once an owner is bootstrapped, a server started without {@code --dev} serves
 * nothing to a caller without credentials, and everything to the bearer token the CLI printed. And the
 * dev fallback, even when forced on, never answers a request that came through a proxy.
 */
class NoDevIT {
    private static final Map<String, String> DUMMY_IDS = Map.ofEntries(
            Map.entry("{bot_id}", "usr_01JZZZZZZZZZZZZZZZZZZZZZZY"),
            Map.entry("{bot_token_id}", "btk_01JZZZZZZZZZZZZZZZZZZZZZZZ"),
            Map.entry("{webhook_id}", "whk_01JZZZZZZZZZZZZZZZZZZZZZZZ"),
            Map.entry("{command_id}", "cmd_01JZZZZZZZZZZZZZZZZZZZZZZZ"),
            Map.entry("{subscription_id}", "sub_01JZZZZZZZZZZZZZZZZZZZZZZZ"),
            Map.entry("{workspace_id}", "wsp_01JZZZZZZZZZZZZZZZZZZZZZZZ"),
            Map.entry("{channel_id}", "chn_01JZZZZZZZZZZZZZZZZZZZZZZZ"),
            Map.entry("{message_id}", "msg_01JZZZZZZZZZZZZZZZZZZZZZZZ"),
            Map.entry("{user_id}", "usr_01JZZZZZZZZZZZZZZZZZZZZZZZ"),
            Map.entry("{token}", "cci_dummy"),
            Map.entry("{invite_id}", "inv_01JZZZZZZZZZZZZZZZZZZZZZZZ"),
            Map.entry("{dm_id}", "dm_01JZZZZZZZZZZZZZZZZZZZZZZZ"),
            Map.entry("{session_id}", "ses_01JZZZZZZZZZZZZZZZZZZZZZZZ"),
            Map.entry("{upload_id}", "upl_01JZZZZZZZZZZZZZZZZZZZZZZZ"),
            Map.entry("{emoji}", "crab"));

    /**
     * Routes open to anyone by design (security: [] in openapi.yaml; the SDK's contract test keeps that list):
     * signing in, and the invite preview a newcomer opens before they have an account.
     */
    private static final java.util.Set<String> PUBLIC = java.util.Set.of(
            "GET /api/auth/providers", "POST /api/auth/magic/request", "GET /api/auth/github/start",
            "GET /api/auth/github/callback", "GET /api/invites/{token}");

    @TempDir
    Path dir;

    @Test
    void afterBootstrapAServerWithoutDevAnswers401ToEveryApiRouteWithoutCredentialsAnd200WithTheToken() {
        var data = dir.resolve("data");
        var owner = ClickClackJar.run(dir, "admin", "bootstrap", "--name", "Ada Owner", "--email", "ada@example.com",
                "--workspace", "Lobster Labs", "--data", data.toString());
        assertThat(owner.exitCode()).as(owner.toString()).isZero();
        var minted = ClickClackJar.run(dir, "admin", "token", "create", "--email", "ada@example.com", "--data", data.toString());
        assertThat(minted.exitCode()).as(minted.toString()).isZero();
        var token = minted.stdout().strip();

        try (var server = ClickClackJar.serve(data)) {
            assertThat(server.stdout()).as("no dev warning once bootstrapped").doesNotContain("dev fallback is ON");
            var anonymous = server.anonymous();
            var answers = new ArrayList<String>();
            for (var route : Contract.get().routes()) {
                if (!route.path().startsWith("/api/") || PUBLIC.contains(route.method() + " " + route.path())) {
                    continue;
                }
                var path = concrete(route.path());
                int status = route.path().equals("/api/realtime/ws")
                        ? webSocketStatus(server.url(), path + "?workspace_id=" + DUMMY_IDS.get("{workspace_id}"))
                        : anonymous.send(route.method(), path, bodyFor(route.method(), route.path())).status();
                answers.add(route.method() + " " + route.path() + " -> " + status);
            }
            assertThat(answers).as("every /api route without credentials").hasSizeGreaterThan(20)
                    .allSatisfy(answer -> assertThat(answer).endsWith("-> 401"));

            var bearer = server.bearer(token);
            var me = bearer.get("/api/me");
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.at("/user/id").asText()).isEqualTo(owner.stdout().strip());
            var workspaces = bearer.get("/api/workspaces");
            assertThat(workspaces.status()).isEqualTo(200);
            assertThat(workspaces.at("/workspaces/0/name").asText()).isEqualTo("Lobster Labs");
            assertThat(workspaces.at("/workspaces/0/role").asText()).isEqualTo("owner");
        }
    }

    @Test
    void theDevFallbackRefusesForwardedRequestsEvenWithDevOn() {
        try (var server = ClickClackJar.serve(dir.resolve("data"), "--dev")) {
            assertThat(server.stdout()).contains("dev fallback is ON");
            var local = server.anonymous();
            assertThat(local.get("/api/me").status()).as("a direct loopback request is the dev user").isEqualTo(200);

            for (var header : List.of("X-Forwarded-For", "Forwarded", "X-Real-IP")) {
                var value = header.equals("Forwarded") ? "for=203.0.113.7" : "203.0.113.7";
                var proxied = local.withHeader(header, value);
                var me = proxied.get("/api/me");
                assertThat(me.status()).as("GET /api/me with %s", header).isEqualTo(401);
                assertThat(me.body()).doesNotContain("usr_");
                var write = proxied.post("/api/workspaces", Map.of("name", "Via Proxy"));
                assertThat(write.status()).as("POST /api/workspaces with %s", header).isEqualTo(401);
            }
            assertThat(local.get("/api/workspaces").body()).doesNotContain("Via Proxy");
        }
    }

    private static String concrete(String template) {
        var path = template;
        for (var id : DUMMY_IDS.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        return path;
    }

    /** A plausible body, so that a 401 is about credentials and not about a missing body. */
    private static Object bodyFor(String method, String route) {
        if (method.equals("GET") || method.equals("DELETE")) {
            return null;
        }
        return switch (route) {
            case "/api/auth/magic/consume", "/api/auth/magic/inspect" -> Map.of("token", "ccm_not-a-real-sign-in-token");
            case "/api/realtime/ephemeral" -> Map.of("workspace_id", DUMMY_IDS.get("{workspace_id}"), "type", "typing.started");
            default -> Map.of("name", "x", "body", "x", "emoji", "crab");
        };
    }

    /** Opens the WebSocket without credentials and returns the status of the refused handshake. */
    private static int webSocketStatus(String url, String pathAndQuery) {
        try {
            HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(url.replace("http://", "ws://") + pathAndQuery), new WebSocket.Listener() {})
                    .join()
                    .abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }
}
