package chat.clickclack.realtime;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One open WebSocket. Its sender (a virtual thread started by the hub) pulls durable events from the
 * workspace feed or the database and writes them one frame at a time, so the socket never holds more
 * than one outstanding frame; how far the subscriber lags behind the feed is its buffer, and the hub
 * cuts it off when that lag passes the configured bound.
 *
 * <p>Threading: fields written by the sender are volatile where the hub reads them.
 */
final class Subscriber {
    static final int EPHEMERAL_QUEUE = 64;

    final String userId;
    final String sessionId;
    final String workspaceId;
    final Session session;
    final ArrayBlockingQueue<String> ephemeral = new ArrayBlockingQueue<>(EPHEMERAL_QUEUE);
    private final Semaphore wake = new Semaphore(0);

    /** Cursor of the last durable event sent (or skipped as already known). */
    volatile long position;
    /** Feed index of the last event sent, or -1 while replaying from the database. */
    volatile long deliveredIndex = -1;
    volatile boolean closed;
    /** The virtual thread that sends to this socket; interrupted on close so a stuck send lets go. */
    volatile Thread sender;

    Subscriber(String userId, String sessionId, String workspaceId, Session session, long position) {
        this.userId = userId;
        this.sessionId = sessionId;
        this.workspaceId = workspaceId;
        this.session = session;
        this.position = position;
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

    /** Sends one text frame and waits until the socket has taken it (so at most one frame is in flight). */
    void send(String frame) throws Exception {
        var done = new Callback.Completable();
        session.sendText(frame, done);
        done.get(30, TimeUnit.SECONDS);
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
