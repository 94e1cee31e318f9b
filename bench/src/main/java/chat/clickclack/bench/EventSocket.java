package chat.clickclack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One realtime subscription: {@code GET /api/realtime/ws?workspace_id=…&after_cursor=…} with the bearer
 * header, opened with {@code java.net.http.WebSocket}. Each complete text frame goes to the handler with
 * the {@code System.nanoTime()} at which its last fragment arrived.
 *
 * <p>Threading: the handler runs on the HTTP client's executor, one frame at a time per socket (the next
 * frame is requested only after the handler returns).
 */
final class EventSocket implements WebSocket.Listener {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    static final int NORMAL_CLOSURE = 1000;

    /** Receives whole frames. */
    interface Handler {
        void onFrame(String text, long receivedNanos);
    }

    private final Handler handler;
    private final StringBuilder partial = new StringBuilder();
    /** Completes with the close code the server sent (or -1 when the connection failed). */
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile String closeReason = "";
    private volatile WebSocket socket;

    private EventSocket(Handler handler) {
        this.handler = handler;
    }

    /** Opens a subscription; completes when the handshake is done (exceptionally on 401/403/…). */
    static CompletableFuture<EventSocket> open(HttpClient client, String httpBase, String token, String workspaceId,
            String afterCursor, Handler handler) {
        var uri = URI.create(httpBase.replaceFirst("^http", "ws") + "/api/realtime/ws?workspace_id=" + Api.encode(workspaceId)
                + (afterCursor == null ? "" : "&after_cursor=" + Api.encode(afterCursor)));
        var listener = new EventSocket(handler);
        var builder = client.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.buildAsync(uri, listener).thenApply(ws -> {
            listener.socket = ws;
            return listener;
        });
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last) {
            partial.append(data);
        } else {
            long now = System.nanoTime();
            String text;
            if (partial.isEmpty()) {
                text = data.toString();
            } else {
                text = partial.append(data).toString();
                partial.setLength(0);
            }
            try {
                handler.onFrame(text, now);
            } catch (RuntimeException e) {
                closed.completeExceptionally(e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeReason = error.toString();
        closed.complete(-1);
    }

    boolean isOpen() {
        return !closed.isDone();
    }

    /** Closes from our side (a normal closure) and stops reading. */
    void close() {
        var ws = socket;
        closed.complete(NORMAL_CLOSURE);
        if (ws == null) {
            return;
        }
        if (ws.isOutputClosed()) {
            ws.abort();
        } else {
            // Do not wait for the server's close frame: drop the connection once ours is out.
            ws.sendClose(NORMAL_CLOSURE, "bench done").whenComplete((ok, error) -> ws.abort());
        }
    }
}
