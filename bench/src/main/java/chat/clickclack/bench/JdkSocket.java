package chat.clickclack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A subscription over {@code java.net.http.WebSocket} ({@code --ws-client jdk}). Correct, but its text
 * decoding runs the slow {@code UTF_8$Decoder.decodeBufferLoop} on read-only buffers: in a 500-subscriber
 * fanout JFR put 65 % of the bench's CPU there, starving the server it was measuring. So the default is
 * {@link LeanSocket}; this one stays for comparison.
 *
 * <p>Threading: the handler runs on the HTTP client's executor, one frame at a time per socket (the next
 * frame is requested only after the handler returns).
 */
final class JdkSocket extends EventSocket implements WebSocket.Listener {
    private final Handler handler;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;

    private JdkSocket(Handler handler) {
        this.handler = handler;
    }

    static CompletableFuture<EventSocket> open(HttpClient client, String httpBase, String token, String workspaceId,
            String afterCursor, Handler handler) {
        var uri = URI.create(httpBase.replaceFirst("^http", "ws") + path(workspaceId, afterCursor));
        var listener = new JdkSocket(handler);
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

    @Override
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
