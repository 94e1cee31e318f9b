package chat.clickclack.bench;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One realtime subscription: {@code GET /api/realtime/ws?workspace_id=…&after_cursor=…} with the bearer
 * header. Each complete text frame goes to the handler with the {@code System.nanoTime()} at which its last
 * byte was read; {@link #closed} completes with the server's close code (-1 when the connection broke).
 *
 * <p>Two clients: {@link LeanSocket} (default), a minimal RFC 6455 client read by shared selector threads, and
 * {@link JdkSocket}, {@code java.net.http.WebSocket}, chosen with {@code --ws-client jdk}.
 */
abstract class EventSocket {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    static final int NORMAL_CLOSURE = 1000;

    /** Which client {@link #open} uses; set once from the command line before any socket opens. */
    static volatile boolean useJdkClient;

    /** Receives whole frames. */
    interface Handler {
        void onFrame(String text, long receivedNanos);

        /**
         * The lean client hands over the frame's UTF-8 bytes, valid only during the call; by default they are
         * decoded and passed on as text.
         */
        default void onFrame(byte[] data, int offset, int length, long receivedNanos) {
            onFrame(new String(data, offset, length, StandardCharsets.UTF_8), receivedNanos);
        }
    }

    /**
     * A handler that reads the frame's bytes itself (with {@link Frame#parse(byte[], int, int)}), so the lean
     * client allocates no String per frame. Text from the JDK client is encoded to bytes for it.
     */
    interface BytesHandler extends Handler {
        void onBytes(byte[] data, int offset, int length, long receivedNanos);

        @Override
        default void onFrame(byte[] data, int offset, int length, long receivedNanos) {
            onBytes(data, offset, length, receivedNanos);
        }

        @Override
        default void onFrame(String text, long receivedNanos) {
            var bytes = text.getBytes(StandardCharsets.UTF_8);
            onBytes(bytes, 0, bytes.length, receivedNanos);
        }
    }

    /** Completes with the close code the server sent (or -1 when the connection failed). */
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile String closeReason = "";

    /** Opens a subscription; completes when the handshake is done (exceptionally on 401/403/…). */
    static CompletableFuture<EventSocket> open(HttpClient client, String httpBase, String token, String workspaceId,
            String afterCursor, Handler handler) {
        return useJdkClient
                ? JdkSocket.open(client, httpBase, token, workspaceId, afterCursor, handler)
                : LeanSocket.open(httpBase, token, workspaceId, afterCursor, handler);
    }

    static String path(String workspaceId, String afterCursor) {
        return "/api/realtime/ws?workspace_id=" + Api.encode(workspaceId)
                + (afterCursor == null ? "" : "&after_cursor=" + Api.encode(afterCursor));
    }

    boolean isOpen() {
        return !closed.isDone();
    }

    /** Closes from our side (a normal closure) without waiting for the server's answer. */
    abstract void close();
}
