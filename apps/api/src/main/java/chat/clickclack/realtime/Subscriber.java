package chat.clickclack.realtime;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One open WebSocket. Its sender (a virtual thread started by the hub) pulls durable events from the
 * workspace feed or the database and writes what it pulled as one batch, waiting until the socket has
 * taken it before pulling again; how far the subscriber lags behind the feed is its buffer, and the hub
 * cuts it off when that lag passes the configured bound.
 *
 * <p>Frames go through Jetty's core session as pre-encoded UTF-8: the API session's {@code sendText}
 * would encode the same string again for every socket, and could not batch. A subscriber that is one
 * event behind writes one frame; one that is many behind writes them with one flush.
 *
 * <p>Threading: fields written by the sender are volatile where the hub reads them.
 */
final class Subscriber {
    static final int EPHEMERAL_QUEUE = 64;

    final String userId;
    final String sessionId;
    final String workspaceId;
    final Session session;
    final ArrayBlockingQueue<byte[]> ephemeral = new ArrayBlockingQueue<>(EPHEMERAL_QUEUE);
    private final Semaphore wake = new Semaphore(0);
    private final CoreSession core;

    /** Cursor of the last durable event sent (or skipped as already known). */
    volatile long position;
    /** Feed index of the last event sent, or -1 while replaying from the database. */
    volatile long deliveredIndex = -1;
    volatile boolean closed;
    /** The public channel this socket looks at without being a member (a preview), or null; see Hub#view. */
    volatile String viewing;
    /** True while a send waits for the socket: a lag that grows meanwhile is a slow consumer, not an idle one. */
    volatile boolean sending;
    /** The virtual thread that sends to this socket; interrupted on close so a stuck send lets go. */
    volatile Thread sender;

    private final DeliveryStats stats;

    Subscriber(String userId, String sessionId, String workspaceId, Session session, long position, DeliveryStats stats) {
        this.stats = stats;
        this.userId = userId;
        this.sessionId = sessionId;
        this.workspaceId = workspaceId;
        this.session = session;
        this.position = position;
        if (!(session instanceof WebSocketSession jetty)) {
            throw new IllegalStateException("expected a Jetty WebSocket session, got " + session.getClass().getName());
        }
        this.core = jetty.getCoreSession();
    }

    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Waits for a wake-up or the timeout; returns early when woken. */
    void awaitWork(long timeoutMillis) throws InterruptedException {
        wake.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
        wake.drainPermits();
    }

    /** Sends text frames (UTF-8 JSON) in order and waits until the socket has taken the last of them. */
    void send(List<byte[]> frames) throws Exception {
        if (frames.isEmpty()) {
            return;
        }
        var done = new org.eclipse.jetty.util.Callback.Completable();
        int last = frames.size() - 1;
        for (int i = 0; i <= last; i++) {
            // Every payload gets its own ByteBuffer view: the array is shared by all sockets, positions are not.
            var frame = new Frame(OpCode.TEXT, true, ByteBuffer.wrap(frames.get(i)));
            // Frames before the last are batched (aggregated, not yet written); the last one flushes them all.
            core.sendFrame(frame, i == last ? done : org.eclipse.jetty.util.Callback.NOOP, i != last);
        }
        // No timeout here: a timed wait costs a scheduler entry per send, thousands per second. A peer that
        // stops reading is cut by the hub (lag past the buffer: close, then a hard disconnect that fails
        // this write) or by the connection's idle timeout.
        sending = true;
        try {
            done.get();
        } finally {
            sending = false;
        }
        stats.frames.add(frames.size());
    }

    /** Closes with a code; a peer that does not take the close frame is dropped after {@code hardAfterMillis}. */
    void close(int code, String reason, java.util.concurrent.ScheduledExecutorService timer, long hardAfterMillis) {
        if (closed) {
            return;
        }
        closed = true;
        wake();
        var thread = sender;
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
        }
        if (session.isOpen()) {
            session.close(code, reason, Callback.NOOP);
            timer.schedule(() -> {
                if (session.isOpen()) {
                    session.disconnect();
                }
            }, hardAfterMillis, TimeUnit.MILLISECONDS);
        }
    }
}
