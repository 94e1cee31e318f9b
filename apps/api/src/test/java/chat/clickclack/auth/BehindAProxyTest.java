package chat.clickclack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BehindAProxyTest {
    @Test
    void browserWritesFromThePublicUrlAreAcceptedWhenTheProxyRewritesHost() {
        try (var server = TestServer.start(Map.of("dev", "false", "public_url", "https://chat.example.com"))) {
            var user = server.newUser("Proxied");
            var token = server.app().database().write(tx -> MagicLinks.issue(tx, user.id()));
            var browser = server.anonymous().withHeader("Origin", "https://chat.example.com");
            var session = browser.post("/api/auth/magic/consume", Map.of("token", token, "credential", "cookie"));
            assertThat(session.status()).isEqualTo(200);
            var signedIn = browser.withHeader("Cookie", "cc_session=" + SignInTest.cookieSecret(session))
                    .withHeader("X-ClickClack-CSRF", "1");
            assertThat(signedIn.post("/api/workspaces", Map.of("name", "Through the proxy")).status()).isEqualTo(201);
            assertThat(signedIn.withHeader("Origin", "https://chat.example.com.evil.example")
                    .post("/api/workspaces", Map.of("name", "Lookalike")).status()).isEqualTo(403);
        }
    }
}
