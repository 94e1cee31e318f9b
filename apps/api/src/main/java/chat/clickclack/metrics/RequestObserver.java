package chat.clickclack.metrics;

import chat.clickclack.config.Observability.AccessLog;
import chat.clickclack.http.RouteTable;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every request for /metrics and writes the access log. Both name the route pattern
 * ({@code POST /api/channels/{channel_id}/messages}), never the path with its ids or the query string, so
 * neither a token in a URL nor who talked where ends up in a log or a label.
 */
public final class RequestObserver {
    private static final Logger access = LoggerFactory.getLogger("clickclack.access");
    private static final String STARTED = "clickclack.started";

    private final ServerMetrics metrics;
    private final AccessLog log;

    private RequestObserver(ServerMetrics metrics, AccessLog log) {
        this.metrics = metrics;
        this.log = log;
    }

    /** Registers the observer when metrics or the access log are on; otherwise requests pay nothing. */
    public static void register(RouteTable routes, ServerMetrics metrics, AccessLog log) {
        if (metrics == null && log == AccessLog.OFF) {
            return;
        }
        var observer = new RequestObserver(metrics, log);
        routes.config().routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        routes.config().routes.after(observer::observe);
    }

    private void observe(Context ctx) {
        Long started = ctx.attribute(STARTED);
        long nanos = started == null ? 0 : System.nanoTime() - started;
        var route = route(ctx);
        int status = ctx.statusCode();
        if (metrics != null) {
            metrics.request(ctx.method().name(), route, status, nanos);
        }
        if (log == AccessLog.ALL || (log == AccessLog.ERRORS && status >= 400)) {
            access.info("{} {} {} {}ms", ctx.method().name(), route, status, nanos / 1_000_000);
        }
    }

    /** The matched route's pattern; requests no route matched share one label, whatever their path. */
    private static String route(Context ctx) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? "unmatched" : endpoint.path;
    }
}
