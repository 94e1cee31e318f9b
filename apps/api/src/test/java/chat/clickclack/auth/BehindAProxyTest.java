package chat.clickclack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.Api;
import chat.clickclack.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15, item 8: the session cookie and the Origin check behind a TLS-terminating proxy. */
class BehindAProxyTest {
    @Test
    void browserWritesFromThePublicUrlAreAcceptedWhenTheProxyRewritesHost() {
        try (var server = TestServer.start(Map.of("dev", "false", "public_url", "https://chat.example.com"))) {
            var browser = server.anonymous().withHeader("Origin", "https://chat.example.com");
            var session = signIn(server, browser);
            assertThat(session.status()).isEqualTo(200);
            var signedIn = browser.withHeader("Cookie", cookie(session)).withHeader("X-ClickClack-CSRF", "1");
            assertThat(signedIn.post("/api/workspaces", Map.of("name", "Through the proxy")).status()).isEqualTo(201);
            assertThat(signedIn.withHeader("Origin", "https://chat.example.com.evil.example")
                    .post("/api/workspaces", Map.of("name", "Lookalike")).status()).isEqualTo(403);
            assertThat(signedIn.withHeader("Origin", "http://chat.example.com")
                    .post("/api/workspaces", Map.of("name", "Plain HTTP page")).status()).isEqualTo(403);
        }
    }

    @Test
    void theCookieIsSecureWhenThePublicUrlIsHttps() {
        try (var server = TestServer.start(Map.of("dev", "false", "public_url", "https://chat.example.com"))) {
            var setCookie = signIn(server, server.anonymous()).headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).startsWith("cc_session=").contains("Secure").contains("HttpOnly");
        }
    }

    @Test
    void forwardedProtoFromAnUntrustedPeerIsIgnored() {
        try (var server = TestServer.start(Map.of("dev", "false"))) {
            var spoofed = server.anonymous().withHeader("X-Forwarded-Proto", "https");
            var setCookie = signIn(server, spoofed).headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).startsWith("cc_session=").doesNotContain("Secure");
            // Nor does it change which origin counts as ours.
            var host = server.url().substring("http://".length());
            var browser = spoofed.withHeader("Origin", "https://" + host);
            assertThat(signIn(server, browser).status()).isEqualTo(403);
        }
    }

    @Test
    void forwardedProtoFromATrustedProxyMakesTheCookieSecureAndTheHttpsOriginOurs() {
        try (var server = TestServer.start(Map.of("dev", "false", "trusted_proxies", "10.0.0.0/8, 127.0.0.1"))) {
            var host = server.url().substring("http://".length());
            var proxied = server.anonymous().withHeader("X-Forwarded-Proto", "https").withHeader("Origin", "https://" + host);
            var session = signIn(server, proxied);
            assertThat(session.status()).isEqualTo(200);
            assertThat(session.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
            // The browser behind the proxy spoke HTTPS: its plain-HTTP origin is a different site.
            assertThat(signIn(server, proxied.withHeader("Origin", "http://" + host)).status()).isEqualTo(403);
        }
    }

    private static Api.Response signIn(TestServer server, Api caller) {
        var user = server.newUser("Proxied");
        var token = server.app().database().write(tx -> MagicLinks.issue(tx, user.id()));
        return caller.post("/api/auth/magic/consume", Map.of("token", token, "credential", "cookie"));
    }

    private static String cookie(Api.Response session) {
        return session.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }
}
