package chat.clickclack.http;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deadlines for reading a request: its line and headers must arrive within {@code headerReadTimeout} of
 * the first byte, its body within {@code bodyReadTimeout} of the headers. Jetty has only an idle timeout,
 * which every byte restarts — so a client sending one byte a minute held a connection (and a descriptor)
 * forever, and a thousand of them took the server offline (slowloris).
 *
 * <p>How: a sweeper looks at each open HTTP/1.1 connection every tick and notes when its parser entered
 * the header or body phase of its current request (keyed by the request count, so keep-alive requests
 * each get their own deadline); a connection that overstays is closed. Idle keep-alive connections (no
 * byte of a next request yet) are left to the idle timeout; upgraded WebSockets are not HTTP connections
 * any more and are not touched. Jetty's {@code HttpConnection} lives in an internal package, but it is
 * the only place the parser state is visible.
 *
 * <p>Threading: one daemon thread runs the sweep; connections are read from it without locks (a state
 * read a moment late only moves the cut by one tick).
 */
final class ReadDeadlines extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(ReadDeadlines.class);

    private enum Phase { HEADERS, BODY }

    private record Seen(Phase phase, long request, long sinceNanos) {}

    private final Server server;
    private final long headerNanos;
    private final long bodyNanos;
    private final long uploadNanos;
    private final long tickMillis;
    private final Map<EndPoint, Seen> seen = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    ReadDeadlines(Server server, Duration headerReadTimeout, Duration bodyReadTimeout, Duration uploadReadTimeout) {
        this.server = server;
        this.headerNanos = headerReadTimeout.toNanos();
        this.bodyNanos = bodyReadTimeout.toNanos();
        this.uploadNanos = Math.max(uploadReadTimeout.toNanos(), bodyNanos);
        this.tickMillis = Math.clamp(Math.min(headerReadTimeout.toMillis(), bodyReadTimeout.toMillis()) / 5, 20, 1_000);
    }

    @Override
    protected void doStart() {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("clickclack-read-deadlines").unstarted(r));
        sweeper.scheduleWithFixedDelay(this::sweep, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        sweeper.shutdownNow();
        seen.clear();
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            var open = new HashSet<EndPoint>();
            for (var connector : server.getConnectors()) {
                if (connector instanceof AbstractConnector network) {
                    for (var endPoint : network.getConnectedEndPoints()) {
                        open.add(endPoint);
                        check(endPoint, now);
                    }
                }
            }
            seen.keySet().retainAll(open);
        } catch (RuntimeException e) {
            log.warn("read-deadline sweep failed; retrying next tick", e);
        }
    }

    private void check(EndPoint endPoint, long now) {
        if (!(endPoint.getConnection() instanceof HttpConnection http)) {
            seen.remove(endPoint);
            return;
        }
        var phase = phase(http.getParser());
        if (phase == null) {
            seen.remove(endPoint);
            return;
        }
        long request = http.getMessagesIn();
        var before = seen.get(endPoint);
        if (before == null || before.phase() != phase || before.request() != request) {
            seen.put(endPoint, new Seen(phase, request, now));
            return;
        }
        long limit = phase == Phase.HEADERS ? headerNanos : isUpload(http) ? uploadNanos : bodyNanos;
        if (now - before.sinceNanos() > limit) {
            log.debug("closing {}: request {} not read within {} ms", endPoint.getRemoteSocketAddress(),
                    phase == Phase.HEADERS ? "headers" : "body", TimeUnit.NANOSECONDS.toMillis(limit));
            seen.remove(endPoint);
            endPoint.close();
        }
    }

    /**
     * Whether the connection's current request is a file upload, which gets {@code upload_read_timeout_ms}: a
     * 64 MiB file cannot arrive in the 30 s a JSON body gets on a slow link. Only an authenticated caller gets
     * that far: without credentials the request is answered 401 at once and its body never read.
     */
    private static boolean isUpload(HttpConnection http) {
        try {
            var request = http.getHttpChannel().getRequest();
            return request != null && "POST".equals(request.getMethod())
                    && TransportFilter.UPLOAD_PATH.equals(request.getHttpURI().getPath());
        } catch (RuntimeException e) {
            return false; // the request ended while we looked
        }
    }

    private static Phase phase(HttpParser parser) {
        var state = parser.getState();
        if (state == HttpParser.State.START || state.ordinal() >= HttpParser.State.END.ordinal()) {
            return null;
        }
        return parser.inHeaderState() ? Phase.HEADERS : parser.inContentState() ? Phase.BODY : null;
    }
}
