package chat.clickclack.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.RawHttp;
import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Issue 15, items 3 and 6: one user, or one address, cannot hold an unbounded number of sockets. */
class SocketLimitsTest {
    @Test
    void aUserOverTheSocketCapIsRefusedWith429BeforeTheUpgradeAndMayReconnectAfterClosingOne() {
        try (var server = TestServer.start(Map.of("max_sockets_per_user", "2"))) {
            var user = server.newUser("Many Tabs");
            var workspace = user.api().post("/api/workspaces", Map.of("name", "Tabs")).at("/workspace/id").asText();
            var first = WsClient.connect(server.url(), user.token(), workspace, null);
            var second = WsClient.connect(server.url(), user.token(), workspace, null);
            var refused = upgrade(server, user.token(), workspace);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).contains("\"error\"").contains("too many open WebSockets");
            // Someone else is not affected.
            var other = server.newUser("Other");
            server.join(workspace, other, "member");
            try (var theirs = WsClient.connect(server.url(), other.token(), workspace, null)) {
                assertThat(theirs.subprotocol()).startsWith("clickclack.bearer.");
            }
            first.close();
            Awaitility.await().until(() -> upgrade(server, user.token(), workspace).status() == 101);
            second.close();
        }
    }

    @Test
    void oneAddressOverItsSocketCapIsRefusedWhateverTheUser() {
        try (var server = TestServer.start(Map.of("max_sockets_per_ip", "2"))) {
            var owner = server.newUser("Owner");
            var workspace = owner.api().post("/api/workspaces", Map.of("name", "Shared NAT")).at("/workspace/id").asText();
            var a = server.newUser("A");
            var b = server.newUser("B");
            server.join(workspace, a, "member");
            server.join(workspace, b, "member");
            try (var one = WsClient.connect(server.url(), a.token(), workspace, null);
                    var two = WsClient.connect(server.url(), b.token(), workspace, null)) {
                assertThat(upgrade(server, owner.token(), workspace).status()).isEqualTo(429);
                // X-Forwarded-For from an untrusted peer does not buy a fresh address.
                assertThat(upgrade(server, owner.token(), workspace, "X-Forwarded-For: 203.0.113.9\r\n").status())
                        .isEqualTo(429);
            }
        }
    }

    @Test
    void behindATrustedProxyTheCapCountsTheForwardedClientAddress() {
        try (var server = TestServer.start(Map.of("max_sockets_per_ip", "1", "trusted_proxies", "127.0.0.1"))) {
            var owner = server.newUser("Proxied Owner");
            var workspace = owner.api().post("/api/workspaces", Map.of("name", "Behind nginx")).at("/workspace/id").asText();
            try (var first = RawHttp.open(server.url())) {
                var opened = first.write(request(owner.token(), workspace, "X-Forwarded-For: 198.51.100.1\r\n")).read();
                assertThat(opened.status()).isEqualTo(101);
                // Another client behind the same proxy is another address; the same client is not.
                assertThat(upgrade(server, owner.token(), workspace, "X-Forwarded-For: 198.51.100.2\r\n").status())
                        .isEqualTo(101);
                assertThat(upgrade(server, owner.token(), workspace, "X-Forwarded-For: 198.51.100.1\r\n").status())
                        .isEqualTo(429);
                // A client cannot claim a fresh address by prepending one: the proxy appends the real peer.
                assertThat(upgrade(server, owner.token(), workspace, "X-Forwarded-For: 203.0.113.50, 198.51.100.1\r\n")
                        .status()).isEqualTo(429);
            }
        }
    }

    private static RawHttp.Response upgrade(TestServer server, String token, String workspace) {
        return upgrade(server, token, workspace, "");
    }

    /** One raw upgrade that is closed again at once; answers the handshake response. */
    private static RawHttp.Response upgrade(TestServer server, String token, String workspace, String extraHeaders) {
        return RawHttp.exchange(server.url(), request(token, workspace, extraHeaders));
    }

    private static String request(String token, String workspace, String extraHeaders) {
        return "GET /api/realtime/ws?workspace_id=" + workspace + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nAuthorization: Bearer " + token + "\r\n" + extraHeaders + "\r\n";
    }
}
