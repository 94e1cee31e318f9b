package chat.clickclack.metrics;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * {@code GET /metrics} on a listen address of its own (the JDK's small HTTP server): Prometheus reaches it on
 * a private interface while the chat port stays public, and a scrape never queues behind chat traffic.
 */
public final class MetricsServer implements AutoCloseable {
    private final HttpServer server;
    private final ServerMetrics metrics;

    private MetricsServer(HttpServer server, ServerMetrics metrics) {
        this.server = server;
        this.metrics = metrics;
    }

    public static MetricsServer start(String host, int port, ServerMetrics metrics) {
        try {
            var server = HttpServer.create(new InetSocketAddress(host, port), 16);
            server.createContext("/metrics", exchange -> {
                try (exchange) {
                    if (!exchange.getRequestMethod().equals("GET")) {
                        exchange.sendResponseHeaders(405, -1);
                        return;
                    }
                    var body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.setExecutor(Executors.newSingleThreadExecutor(Thread.ofPlatform().name("clickclack-metrics").daemon(true).factory()));
            server.start();
            return new MetricsServer(server, metrics);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for metrics on " + host + ":" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        metrics.close();
    }
}
