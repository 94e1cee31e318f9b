package chat.clickclack.metrics;

import chat.clickclack.db.Database;
import chat.clickclack.db.Sql;
import chat.clickclack.realtime.Hub;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The server's Prometheus metrics (Micrometer). The hot paths keep plain counters of their own (the writer's
 * transactions and commit time, the hub's deliveries); this class only reads them when Prometheus scrapes, so
 * serving with metrics on costs the send path nothing but the request timer.
 */
public final class ServerMetrics {
    /** Latency buckets for requests: fine where our targets are (p99 ≤ 100–250 ms), coarse beyond. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServerMetrics(Database db, Hub hub) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);

        var writer = db.writer();
        FunctionCounter.builder("clickclack.writer.transactions", writer, w -> w.transactionCount())
                .description("Committed write transactions (each is one WAL fsync)").register(registry);
        FunctionCounter.builder("clickclack.writer.units", writer, w -> w.unitCount())
                .description("Units of work committed; divided by transactions, the mean batch size").register(registry);
        FunctionCounter.builder("clickclack.writer.commit.seconds", writer, w -> w.commitNanos() / 1e9)
                .description("Time spent committing; divided by transactions, the mean commit latency").register(registry);
        Gauge.builder("clickclack.writer.queued", writer, w -> w.queued())
                .description("Units waiting for the writer").register(registry);

        Gauge.builder("clickclack.websockets.open", hub, h -> h.socketCount())
                .description("Open WebSockets").register(registry);
        var stats = hub.stats();
        FunctionCounter.builder("clickclack.deliveries.frames", stats, s -> s.frames())
                .description("WebSocket frames sent").register(registry);
        FunctionCounter.builder("clickclack.deliveries.slow.closes", stats, s -> s.slowConsumerCloses())
                .description("Sockets closed with 1013 for falling too far behind").register(registry);
        FunctionCounter.builder("clickclack.deliveries.ephemeral.dropped", stats, s -> s.ephemeralDropped())
                .description("Typing and presence signals dropped at a full socket queue").register(registry);
        // Cursors grow by one per event and pruning cuts from the oldest end: their span is the log's size,
        // read from the two ends of the primary key instead of counting rows.
        Gauge.builder("clickclack.events.log.size", db, d -> d.read(c -> Sql.longValue(c,
                        "SELECT coalesce(max(cursor) - min(cursor) + 1, 0) FROM events")))
                .description("Durable events kept in the log").register(registry);
    }

    /** One answered HTTP request, by route pattern (never the path with its ids) and status. */
    public void request(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The text exposition format Prometheus scrapes. */
    public String scrape() {
        return registry.scrape();
    }

    public void close() {
        gc.close();
        registry.close();
    }
}
