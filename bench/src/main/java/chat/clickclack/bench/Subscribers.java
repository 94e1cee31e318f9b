package chat.clickclack.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Opens many WebSocket subscriptions at once, spread over several HTTP clients (each client has one
 * selector thread; with thousands of sockets on one, the bench's reading would become the bottleneck and
 * pollute the latency figures), with a bounded number of handshakes in flight.
 */
final class Subscribers implements AutoCloseable {
    static final int CLIENTS = 4;
    static final int HANDSHAKES_IN_FLIGHT = 64;
    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(120);

    private final List<HttpClient> clients = new ArrayList<>();

    Subscribers() {
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(30)).build());
        }
    }

    HttpClient client(int index) {
        return clients.get(Math.floorMod(index, clients.size()));
    }

    /**
     * Opens {@code count} sockets; {@code handlers.apply(i)} handles socket i's frames. Returns the sockets
     * in order, null where the handshake failed (reported through {@code result}).
     */
    List<EventSocket> open(Target target, int count, String afterCursor, IntFunction<EventSocket.Handler> handlers,
            Result result) throws InterruptedException {
        var gate = new Semaphore(HANDSHAKES_IN_FLIGHT);
        var futures = new ArrayList<CompletableFuture<EventSocket>>(count);
        for (int i = 0; i < count; i++) {
            gate.acquire();
            var identity = target.identity(i);
            var future = EventSocket.open(client(i), target.url, identity.token(), target.workspaceId, afterCursor,
                    handlers.apply(i));
            future.whenComplete((socket, error) -> gate.release());
            futures.add(future);
        }
        var sockets = new ArrayList<EventSocket>(count);
        long deadline = System.nanoTime() + OPEN_TIMEOUT.toNanos();
        for (int i = 0; i < count; i++) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                sockets.add(futures.get(i).get(left, TimeUnit.NANOSECONDS));
            } catch (Exception e) {
                result.fail("subscriber " + i + " could not connect: " + e);
                sockets.add(null);
            }
        }
        return sockets;
    }

    @Override
    public void close() {
        clients.forEach(HttpClient::shutdownNow);
    }
}
