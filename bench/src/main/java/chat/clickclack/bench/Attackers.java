package chat.clickclack.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The hostile clients of the {@code soak} scenario (issue 15), each on its own virtual threads until
 * {@link #close()}:
 * <ul>
 *   <li>an anonymous WebSocket upgrade flood — a fresh connection per attempt, refused with 401 (the
 *       bench server runs with the dev fallback, which a forwarding header turns off, as it would for a
 *       remote client behind a proxy);</li>
 *   <li>a slowloris set — connections that send a request's headers one byte per second, reopened when
 *       the server cuts them off;</li>
 *   <li>a reaction flood — one member adding and removing distinct emoji on one message as fast as the
 *       server answers.</li>
 * </ul>
 */
final class Attackers implements AutoCloseable {
    private static final String UPGRADE = "GET /api/realtime/ws?workspace_id=%s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nX-Forwarded-For: 203.0.113.7\r\n\r\n";
    private static final String SLOW_REQUEST = "GET /api/workspaces HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
            + "x".repeat(4_000) + "\r\n\r\n";

    final LongAdder upgradesRefused = new LongAdder();
    final LongAdder upgradesOther = new LongAdder();
    final LongAdder slowCutOff = new LongAdder();
    final LongAdder reactions = new LongAdder();
    final LongAdder reactionsRefused = new LongAdder();
    final LongAdder reactionErrors = new LongAdder();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final List<Socket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
    private final String host;
    private final int port;

    Attackers(Target target) {
        var hostPort = target.url.substring("http://".length());
        this.host = hostPort.substring(0, hostPort.lastIndexOf(':'));
        this.port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    }

    /**
     * {@code perSecond} anonymous upgrades in all, spread over the threads (open loop). The rate is capped so
     * that the flood measures what it costs the server, not how much of this shared machine's CPU the
     * load generator itself can burn; 0 means as fast as the threads go.
     */
    void upgradeFlood(int threadCount, int perSecond, String workspaceId) {
        var request = String.format(UPGRADE, workspaceId).getBytes(StandardCharsets.US_ASCII);
        long intervalNanos = perSecond <= 0 ? 0 : 1_000_000_000L * threadCount / perSecond;
        for (int i = 0; i < threadCount; i++) {
            spawn("upgrade-flood-" + i, () -> {
                long next = System.nanoTime();
                while (running.get()) {
                    try (var socket = new Socket(host, port)) {
                        socket.setSoTimeout(10_000);
                        socket.getOutputStream().write(request);
                        (statusOf(socket.getInputStream()) == 401 ? upgradesRefused : upgradesOther).increment();
                    } catch (IOException e) {
                        upgradesOther.increment();
                    }
                    next += intervalNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // the attack's pace
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
        }
    }

    void slowloris(int connections) {
        var request = SLOW_REQUEST.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < connections; i++) {
            spawn("slowloris-" + i, () -> {
                while (running.get()) {
                    try (var socket = new Socket(host, port)) {
                        sockets.add(socket);
                        OutputStream out = socket.getOutputStream();
                        for (int b = 0; b < request.length && running.get(); b++) {
                            out.write(request[b]);
                            out.flush();
                            Thread.sleep(1_000); // the attack's pace
                        }
                    } catch (IOException e) {
                        if (running.get()) {
                            slowCutOff.increment(); // the server closed it: open the next one
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
    }

    void reactionFlood(Target target, Target.Identity member, String messageId) {
        spawn("reaction-flood-" + member.userId(), () -> {
            var path = "/api/messages/" + messageId + "/reactions";
            for (long n = 0; running.get(); n++) {
                var emoji = ":flood_" + (n % 500) + ":";
                try {
                    var added = target.api.post(member.token(), path, "{\"emoji\":" + Api.quote(emoji) + "}");
                    var removed = n % 2 == 1 ? target.api.delete(member.token(), path + "/" + Api.encode(emoji)) : null;
                    // A 4xx is a limit doing its job (a cap on distinct emoji, a rate limit); only 5xx and
                    // transport failures are errors.
                    (added.status() / 100 == 2 ? reactions : added.status() / 100 == 4 ? reactionsRefused : reactionErrors)
                            .increment();
                    if (removed != null && removed.status() / 100 == 5) {
                        reactionErrors.increment();
                    }
                } catch (IOException e) {
                    reactionErrors.increment();
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private void spawn(String name, Runnable body) {
        threads.add(Thread.ofVirtual().name(name).start(body));
    }

    /** The status code of the first response line; -1 when the server closed first. */
    private static int statusOf(InputStream in) throws IOException {
        var line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.append((char) b);
        }
        var parts = line.toString().split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        synchronized (sockets) {
            for (var socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // an attacker socket
                }
            }
        }
        for (var thread : threads) {
            thread.interrupt();
            thread.join(15_000);
        }
    }
}
