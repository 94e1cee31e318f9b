package chat.clickclack.http;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.RawHttp;
import chat.clickclack.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15, item 1: refused WebSocket upgrades used to leave one Jetty session each, forever. */
class NoServerStateTest {
    private static final String UPGRADE = "GET /api/realtime/ws?workspace_id=wsp_x HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";

    @Test
    void twoThousandRefusedUpgradesLeaveNoServerSideSession() {
        try (var server = TestServer.start(Map.of("dev", "false"))) {
            for (int i = 0; i < 2_000; i++) {
                var response = RawHttp.exchange(server.url(), UPGRADE);
                assertThat(response.status()).isEqualTo(401);
                assertThat(response.body()).contains("\"error\"");
                assertThat(response.all("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
            }
            assertThat(server.app().http().httpSessionsCreated()).isZero();
        }
    }

    @Test
    void anAcceptedUpgradeLeavesNoServerSideSessionEither() {
        try (var server = TestServer.start()) {
            var user = server.newUser("Socket Owner");
            var workspace = user.api().post("/api/workspaces", Map.of("name", "Stateless")).at("/workspace/id").asText();
            try (var http = RawHttp.open(server.url())) {
                var response = http.write(UPGRADE.replace("wsp_x", workspace)
                        .replace("\r\n\r\n", "\r\nAuthorization: Bearer " + user.token() + "\r\n\r\n")).read();
                assertThat(response.status()).isEqualTo(101);
                assertThat(response.all("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
            }
            assertThat(server.app().http().httpSessionsCreated()).isZero();
        }
    }
}
