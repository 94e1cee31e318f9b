package chat.clickclack.http;

import chat.clickclack.config.HttpHardening;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.server.NetworkConnectionLimit;

/**
 * The HTTP server: Javalin on Jetty with virtual threads, the JSON mapper, body limits, error mapping,
 * the health checks, the embedded web app, and the feature routes handed in by the composition root.
 */
public final class HttpServer {
    private final Javalin javalin;
    private final List<RouteTable.Route> routes;
    private final AtomicReference<SessionHandler> sessions;

    private HttpServer(Javalin javalin, List<RouteTable.Route> routes, AtomicReference<SessionHandler> sessions) {
        this.javalin = javalin;
        this.routes = routes;
        this.sessions = sessions;
    }

    /**
     * @param before   runs before every /api request (authentication)
     * @param features registers the feature routes
     * @param ready    answers /readyz
     */
    public static HttpServer create(long maxBodyBytes, HttpHardening hardening, io.javalin.http.Handler before,
            Consumer<RouteTable> features, java.util.function.BooleanSupplier ready) {
        return create(maxBodyBytes, maxBodyBytes, hardening, before, features, ready);
    }

    /**
     * @param maxUploadBytes the largest file POST /api/uploads takes (its body may exceed it by the multipart
     *                       framing); every other body is held to {@code maxBodyBytes}
     */
    public static HttpServer create(long maxBodyBytes, long maxUploadBytes, HttpHardening hardening,
            io.javalin.http.Handler before, Consumer<RouteTable> features, java.util.function.BooleanSupplier ready) {
        var table = new RouteTable[1];
        var sessions = new AtomicReference<SessionHandler>();
        var site = new StaticSite();
        var docs = new DocsPages();
        var javalin = Javalin.create(config -> {
            configure(config, maxBodyBytes);
            limitConnections(config, hardening);
            config.jetty.modifyServletContextHandler(handler -> {
                sessions.set(handler.getSessionHandler());
                handler.addFilter(new FilterHolder(new TransportFilter(new SecurityHeaders(hardening.frameAncestors()), maxBodyBytes,
                        maxUploadBytes)), "/*", EnumSet.of(DispatcherType.REQUEST));
            });
            ErrorMapping.install(config);
            config.routes.before("/api/*", before);
            var routes = new RouteTable(config);
            table[0] = routes;
            routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            routes.get("/readyz", ctx -> {
                if (ready.getAsBoolean()) {
                    ctx.json(Map.of("status", "ready"));
                } else {
                    ctx.status(503).json(Map.of("status", "starting"));
                }
            });
            features.accept(routes);
            config.routes.get("/", site::site);
            config.routes.get("/app", site::app);
            config.routes.get("/app/*", site::app);
            config.routes.get("/assets/*", site::asset);
            config.routes.get("/docs", docs::index);
            config.routes.get("/docs/*", docs::page);
            config.routes.get("/favicon.svg", site::rootFile);
            config.routes.get("/favicon.ico", site::rootFile);
            config.routes.get("/robots.txt", site::rootFile);
        });
        return new HttpServer(javalin, table[0].routes(), sessions);
    }

    private static void configure(JavalinConfig config, long maxBodyBytes) {
        config.concurrency.useVirtualThreads = true;
        config.http.maxRequestSize = maxBodyBytes;
        config.http.prefer405over404 = true;
        config.startup.showJavalinBanner = false;
        config.jsonMapper(new io.javalin.json.JavalinJackson(Json.MAPPER, true));
        config.jetty.modifyServer(server -> server.setStopTimeout(10_000));
    }

    /** The connection cap and the read deadlines (slowloris); both start and stop with Jetty. */
    private static void limitConnections(JavalinConfig config, HttpHardening hardening) {
        config.jetty.modifyServer(server -> {
            var limit = new NetworkConnectionLimit(hardening.maxConnections(), server);
            // At the cap, idle connections are given less time, so they make room for new ones sooner.
            limit.setEndPointIdleTimeout(hardening.headerReadTimeout().toMillis());
            server.addBean(limit);
            server.addBean(new ReadDeadlines(server, hardening.headerReadTimeout(), hardening.bodyReadTimeout(),
                    hardening.uploadReadTimeout()));
        });
    }

    public HttpServer start(String host, int port) {
        javalin.start(host.isEmpty() ? "0.0.0.0" : host, port);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    public List<RouteTable.Route> routes() {
        return routes;
    }

    /** HTTP sessions Jetty has created since the start: always 0, since no request may keep server state. */
    public int httpSessionsCreated() {
        var handler = sessions.get();
        return handler == null ? 0 : handler.getSessionsCreated();
    }

    public void stop() {
        javalin.stop();
    }
}
