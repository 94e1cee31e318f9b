package chat.clickclack.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import chat.clickclack.testing.Api;
import chat.clickclack.testing.RawHttp;
import chat.clickclack.testing.TestServer;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Issue 15, item 10 (the transport part): odd requests get a clear 4xx JSON and cost one log line at most. */
class TransportEdgesTest {
    static TestServer server;
    static TestServer.User owner;
    static String workspaceId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("dev", "false"));
        owner = server.newUser("Edge Owner");
        workspaceId = owner.api().post("/api/workspaces", Map.of("name", "Edges")).at("/workspace/id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAuthenticatedUpgradeWithoutAKeyIsABadRequestNotAStackTrace() {
        var response = RawHttp.exchange(server.url(), "GET /api/realtime/ws?workspace_id=" + workspaceId + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Authorization: Bearer " + owner.token() + "\r\n\r\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).contains("\"error\"").contains("Sec-WebSocket-Key").doesNotContain("Exception");
    }

    @Test
    void methodOverrideHeadersAreRefusedSoAGetCannotDeleteAMessage() {
        var channel = owner.api().get("/api/workspaces/" + workspaceId + "/channels").at("/channels/0/id").asText();
        var message = owner.api().post("/api/channels/" + channel + "/messages", Map.of("body", "keep me"))
                .at("/message/id").asText();
        var overridden = owner.api().withHeader("X-HTTP-Method-Override", "DELETE").get("/api/messages/" + message);
        assertThat(overridden.status()).isEqualTo(400);
        assertThat(overridden.error()).contains("X-HTTP-Method-Override");
        var page = owner.api().get("/api/channels/" + channel + "/messages?mode=latest");
        assertThat(page.json().path("messages").findValuesAsText("id")).contains(message);
        assertThat(page.body()).contains("keep me");
    }

    @Test
    void theAssetsFolderItselfIsNotFoundRatherThanAnEmptyFileCachedForAYear() {
        for (var path : new String[] {"/assets/", "/assets", "/assets/no-such-file.js"}) {
            var response = RawHttp.exchange(server.url(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.header("Cache-Control")).as(path).isNull();
            assertThat(response.body()).as(path).contains("\"error\"");
        }
    }

    @Test
    void aClientThatAbandonsItsBodyCostsOneShortLineNotAnErrorWithAStackTrace() {
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        root.addAppender(appender);
        var ours = (Logger) LoggerFactory.getLogger("chat.clickclack");
        var level = ours.getLevel();
        ours.setLevel(Level.DEBUG);
        try {
            try (var http = RawHttp.open(server.url())) {
                http.write("POST /api/workspaces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer " + owner.token() + "\r\nContent-Length: 1000\r\n\r\n{\"name\": \"half");
            }
            Awaitility.await().until(() -> appender.list.stream().anyMatch(e -> e.getFormattedMessage().contains("aborted")));
            assertThat(appender.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
            assertThat(appender.list).noneMatch(e -> e.getThrowableProxy() != null);
            // The server is fine and nothing was half-created.
            var names = owner.api().get("/api/workspaces").json().path("workspaces").findValuesAsText("name");
            assertThat(names).containsExactly("Edges");
        } finally {
            ours.setLevel(level);
            root.detachAppender(appender);
        }
    }
}
