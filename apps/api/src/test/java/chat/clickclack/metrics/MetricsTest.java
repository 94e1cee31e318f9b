package chat.clickclack.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 13, metrics and the access log on the real server: after some traffic, /metrics on its own listen
 * address shows requests by route pattern and status, open sockets, deliveries, the writer and the JVM;
 * neither it nor the access log ever names an id from a path or a query string. The chat port serves no
 * /metrics, and a server without metrics_addr opens no metrics port.
 */
class MetricsTest {
    private static String get(String url) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + "\n" + response.body();
    }

    @Test
    void metricsAndTheAccessLogShowTrafficByRoutePatternOnly() throws Exception {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var access = (Logger) LoggerFactory.getLogger("clickclack.access");
        access.addAppender(appender);
        try (var server = TestServer.start(Map.of("metrics_addr", "127.0.0.1:0", "access_log", "errors"))) {
            var ada = server.newUser("Ada Crab");
            var created = ada.api().post("/api/workspaces", Map.of("name", "Metric Reef"));
            var workspaceId = created.at("/workspace/id").asText();
            var channelId = created.at("/channel/id").asText();
            try (var socket = WsClient.connect(server.url(), ada.token(), workspaceId, null)) {
                var posted = ada.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "count me"));
                assertThat(socket.nextDurable(5000).path("cursor").asText()).isEqualTo(posted.at("/event/cursor").asText());
                assertThat(ada.api().get("/api/channels/chn_01JZZZZZZZZZZZZZZZZZZZZZZZ?secret=hunter2").status()).isEqualTo(404);

                var metrics = get("http://127.0.0.1:" + server.app().metricsPort() + "/metrics");
                assertThat(metrics).startsWith("200\n")
                        .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/api/channels/{channel_id}/messages\",status=\"201\"} 1")
                        .contains("route=\"/api/channels/{channel_id}\",status=\"404\"")
                        .contains("clickclack_websockets_open 1")
                        .contains("clickclack_deliveries_frames_total")
                        .contains("clickclack_writer_transactions_total")
                        .contains("clickclack_writer_commit_seconds_total")
                        .contains("clickclack_events_log_size")
                        .contains("jvm_memory_used_bytes")
                        .doesNotContain(channelId).doesNotContain(workspaceId).doesNotContain("hunter2");
            }
            assertThat(get(server.url() + "/metrics")).as("not on the chat port").startsWith("404");

            var lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("GET /api/channels/{channel_id} 404 "));
            assertThat(lines).as("errors only").noneMatch(line -> line.contains(" 201 "));
            assertThat(String.join("\n", lines)).doesNotContain("hunter2").doesNotContain("chn_01JZZ");
        } finally {
            access.detachAppender(appender);
        }
        try (var server = TestServer.start()) {
            assertThat(server.app().metricsPort()).as("off by default").isEqualTo(-1);
        }
    }
}
