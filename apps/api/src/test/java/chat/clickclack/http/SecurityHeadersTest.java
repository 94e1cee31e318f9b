package chat.clickclack.http;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.RawHttp;
import chat.clickclack.testing.TestServer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15, item 7: the site, the web app and the API all carry the security headers, errors included. */
class SecurityHeadersTest {
    private static final List<String> PATHS = List.of("/", "/app", "/app/login", "/api/workspaces", "/healthz",
            "/assets/missing.js", "/api/no-such-route", "/api/realtime/ws");

    @Test
    void everyResponseForbidsFramingForeignScriptsPluginsAndSniffing() {
        try (var server = TestServer.start(Map.of("dev", "false"))) {
            for (var path : PATHS) {
                var response = get(server, path);
                var csp = directives(response.header("Content-Security-Policy"));
                assertThat(csp).as(path).containsEntry("script-src", "'self'").containsEntry("object-src", "'none'")
                        .containsEntry("base-uri", "'none'").containsEntry("frame-ancestors", "'none'")
                        .containsEntry("default-src", "'self'");
                assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
                assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
                assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
                assertThat(response.header("Permissions-Policy")).as(path).contains("camera=()").contains("microphone=()");
            }
        }
    }

    @Test
    void configuredEmbeddersMayFrameTheAppAndNobodyElse() {
        try (var server = TestServer.start(Map.of("frame_ancestors", "https://intranet.example.com 'self'"))) {
            var response = get(server, "/app");
            assertThat(directives(response.header("Content-Security-Policy")))
                    .containsEntry("frame-ancestors", "https://intranet.example.com 'self'");
            assertThat(response.header("X-Frame-Options")).isNull();
        }
    }

    @Test
    void anEmbedderThatWouldInjectADirectiveIsAConfigurationError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> TestServer.start(Map.of("frame_ancestors", "https://a.example; script-src *")).close())
                .hasMessageContaining("frame_ancestors");
    }

    private static RawHttp.Response get(TestServer server, String path) {
        return RawHttp.exchange(server.url(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    /** "a x; b y z" → {a: "x", b: "y z"}; a directive named twice would be a policy bug, so it fails. */
    private static Map<String, String> directives(String policy) {
        assertThat(policy).isNotBlank();
        var out = new LinkedHashMap<String, String>();
        for (var part : policy.split(";")) {
            var words = Arrays.asList(part.trim().split("\\s+"));
            assertThat(out.put(words.getFirst(), String.join(" ", words.subList(1, words.size())))).isNull();
        }
        return out;
    }
}
