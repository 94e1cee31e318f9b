package chat.clickclack.http;

import chat.clickclack.db.DatabaseException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.EOFException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error leaves the server as {@code {"error": "..."}} with the right status. Caller mistakes map
 * to 4xx with a message meant for them; anything unexpected is a 500 that shows only a correlation id,
 * while the log gets the stack trace under the same id.
 */
final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    static void install(JavalinConfig config) {
        config.routes.exception(ApiException.class, (e, ctx) -> {
            if (e instanceof ApiException.TooManyRequests limited) {
                ctx.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
            }
            respond(ctx, e.status(), e.getMessage());
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), describe(e)));
        config.routes.exception(DatabaseException.class, (e, ctx) -> unexpected(ctx, e));
        config.routes.exception(Exception.class, (e, ctx) -> unexpected(ctx, e));
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || !isJson(ctx)) {
                respond(ctx, 404, "no route for " + ctx.method() + " " + ctx.path());
            }
        });
        config.routes.error(405, ctx -> respond(ctx, 405, "method not allowed"));
    }

    private static boolean isJson(Context ctx) {
        var type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json");
    }

    private static String describe(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> "request body too large";
            case 404 -> "not found";
            default -> e.getMessage() == null || e.getMessage().isBlank() ? "request failed" : e.getMessage().toLowerCase();
        };
    }

    private static void unexpected(Context ctx, Exception e) {
        // A client that hangs up mid-body (or is cut off by a read deadline), or a request Jetty itself found
        // malformed, is not our failure:
        // one short line at debug, so anonymous clients cannot flood the log with stack traces.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof EofException || cause instanceof EOFException || cause instanceof ClosedChannelException) {
                log.debug("client aborted {} {}: {}", ctx.method(), ctx.path(), cause.getMessage());
                respond(ctx, 400, "request body incomplete: the client closed the connection");
                return;
            }
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                log.debug("bad request {} {}: {}", ctx.method(), ctx.path(), http.getReason());
                respond(ctx, http.getCode(), http.getReason() == null ? "bad request" : http.getReason().toLowerCase());
                return;
            }
        }
        var id = UUID.randomUUID().toString().substring(0, 8);
        log.error("unexpected failure [{}] on {} {}", id, ctx.method(), ctx.path(), e);
        respond(ctx, 500, "internal error (correlation id " + id + ")");
    }

    static void respond(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }
}
