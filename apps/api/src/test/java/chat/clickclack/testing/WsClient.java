package chat.clickclack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client (java.net.http) for the realtime endpoint. Frames are queued as they arrive;
 * {@code manualDemand} stops reading from the socket until {@link #resume()}, to play a slow consumer.
 */
public final class WsClient implements AutoCloseable {
    /** How the connection ended: the close code and reason from the server. */
    public record Closed(int code, String reason) {}

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final boolean manualDemand;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;

    private WsClient(boolean manualDemand) {
        this.manualDemand = manualDemand;
    }

    /** Connects with the token as the {@code clickclack.bearer.<token>} subprotocol. */
    public static WsClient connect(String baseUrl, String token, String workspaceId, String afterCursor) {
        return connect(baseUrl, token, workspaceId, afterCursor, false);
    }

    public static WsClient connect(String baseUrl, String token, String workspaceId, String afterCursor, boolean manualDemand) {
        var client = new WsClient(manualDemand);
        var url = baseUrl.replace("http://", "ws://") + "/api/realtime/ws?workspace_id=" + workspaceId
                + (afterCursor == null ? "" : "&after_cursor=" + afterCursor);
        var builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (token != null) {
            builder.subprotocols("clickclack.bearer." + token);
        }
        client.socket = builder.buildAsync(URI.create(url), client.listener()).join();
        return client;
    }

    /** Attempts a connection that the server should refuse before the upgrade; returns the HTTP status. */
    public static int refusedStatus(String baseUrl, String token, String query) {
        var url = baseUrl.replace("http://", "ws://") + "/api/realtime/ws" + query;
        var builder = CLIENT.newWebSocketBuilder();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            builder.buildAsync(URI.create(url), new WebSocket.Listener() {}).join();
            return 101;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
            throw e;
        }
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket webSocket) {
                webSocket.request(manualDemand ? 1 : Long.MAX_VALUE);
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        frames.add(Api.JSON.readTree(partial.toString()));
                    } catch (Exception e) {
                        closed.completeExceptionally(e);
                    }
                    partial.setLength(0);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(new Closed(statusCode, reason));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(new Closed(1006, String.valueOf(error)));
            }
        };
    }

    /** Sends a text frame (the socket's own messages: the view signal). */
    public void send(String text) {
        socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    /**
     * Says the socket is looking at {@code channelId} (null: nothing) and waits for the server's answer, the
     * {@code view.updated} or {@code view.refused} frame, which it returns. Call it when no durable event is
     * expected in between: one that arrives first fails the call rather than being lost.
     */
    public JsonNode view(String channelId) throws InterruptedException {
        send(channelId == null ? "{\"type\":\"view\",\"channel_id\":null}"
                : "{\"type\":\"view\",\"channel_id\":\"" + channelId + "\"}");
        long deadline = System.currentTimeMillis() + 5000;
        while (true) {
            var frame = next(Math.max(1, deadline - System.currentTimeMillis()));
            if (frame == null) {
                throw new AssertionError("no answer to the view message");
            }
            var type = frame.path("type").asText();
            if (type.startsWith("view.")) {
                return frame;
            }
            if (frame.hasNonNull("cursor")) {
                throw new AssertionError("a durable event arrived before the view answer: " + frame);
            }
        }
    }

    /** Lets a manual-demand client read everything from now on. */
    public void resume() {
        socket.request(Long.MAX_VALUE);
    }

    /** The next frame, waiting up to the timeout; null if none came. */
    public JsonNode next(long timeoutMillis) throws InterruptedException {
        return frames.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** The next durable event (frames with a cursor), skipping ephemeral ones. */
    public JsonNode nextDurable(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            var frame = left <= 0 ? null : next(left);
            if (frame == null || frame.hasNonNull("cursor")) {
                return frame;
            }
        }
    }

    /**
     * Skips frames up to the event with this cursor and returns it; null if it did not come in time. Events
     * committed just before the socket connected may still arrive first, so a sentinel is matched by cursor.
     */
    public JsonNode awaitCursor(String cursor, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            var frame = nextDurable(Math.max(1, deadline - System.currentTimeMillis()));
            if (frame == null || frame.path("cursor").asText().equals(cursor)) {
                return frame;
            }
        }
    }

    /** Exactly {@code n} durable events, failing if they do not all arrive in time. */
    public List<JsonNode> durable(int n, long timeoutMillis) throws InterruptedException {
        var out = new ArrayList<JsonNode>();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (out.size() < n) {
            var frame = nextDurable(Math.max(1, deadline - System.currentTimeMillis()));
            if (frame == null) {
                throw new AssertionError("expected " + n + " events, got " + out.size() + ": " + out);
            }
            out.add(frame);
        }
        return out;
    }

    /** Frames received so far and not yet taken. */
    public List<JsonNode> drain() {
        var out = new ArrayList<JsonNode>();
        frames.drainTo(out);
        return out;
    }

    public Closed awaitClose(long timeoutMillis) throws Exception {
        return closed.get(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
            socket.abort();
        }
    }
}
