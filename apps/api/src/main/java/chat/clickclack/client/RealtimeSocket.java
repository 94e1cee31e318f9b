package chat.clickclack.client;

import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One connection to {@code /api/realtime/ws}, read as a queue of {@link Item}s by a single consumer thread: the
 * JDK's listener callbacks only enqueue (whole text frames, reassembled from parts), so all decisions happen on
 * the consumer's thread. The JDK answers the server's pings itself. The queue is unbounded: the consumer only
 * prints lines, and if it ever fell far behind, the server's slow-consumer rule (close 1013) would end the
 * socket and the follower resumes by cursor.
 */
final class RealtimeSocket implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** What the socket delivered. */
    sealed interface Item {}

    record Frame(String text) implements Item {}

    record Closed(int code, String reason) implements Item {}

    record Failed(Throwable error) implements Item {}

    /** A ping from the server (answered by the JDK): the connection is alive even when the channel is quiet. */
    record Alive() implements Item {}

    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private RealtimeSocket(ChatClient client, URI uri) {
        var listener = new Listener();
        try {
            socket = client.http().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + client.token())
                    .connectTimeout(CONNECT_TIMEOUT)
                    .buildAsync(uri, listener).join();
        } catch (CompletionException e) {
            throw refused(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** Connects to the workspace's stream after {@code cursor} (null: from now on). */
    static RealtimeSocket open(ChatClient client, String workspaceId, String cursor) {
        var http = client.uri("/api/realtime/ws", ChatClient.query("workspace_id", workspaceId, "after_cursor", cursor));
        var ws = URI.create(http.toString().replaceFirst("^http", "ws"));
        return new RealtimeSocket(client, ws);
    }

    /** The next frame, close, failure or ping; null when nothing came within {@code timeout}. */
    Item next(Duration timeout) throws InterruptedException {
        return items.poll(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static ClientException refused(Throwable cause) {
        if (cause instanceof WebSocketHandshakeException handshake) {
            var response = handshake.getResponse();
            var body = response.body() instanceof String text ? text : "";
            return ChatClient.failure(response.statusCode(), body.isBlank() ? "WebSocket refused" : body.strip());
        }
        return ClientException.unavailable("cannot open the realtime stream: " + ChatClient.describe(cause));
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                items.add(new Frame(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
            items.add(new Alive());
            webSocket.request(1);
            return null; // the JDK sends the pong once this returns
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            items.add(new Closed(statusCode, reason));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            items.add(new Failed(error));
        }
    }
}
