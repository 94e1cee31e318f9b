package chat.clickclack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link LeanHttp} against a scripted loopback server that answers byte by byte when asked to. */
class LeanHttpTest {
    /** What the fake server writes for one request: parts written (and flushed) one by one, then maybe a close. */
    record Reply(List<byte[]> parts, boolean closeAfter) {
        static Reply of(String whole) {
            return new Reply(List.of(bytes(whole)), false);
        }

        /** Every byte its own write, with a pause now and then, so the client sees split reads. */
        static Reply trickled(String whole) {
            var parts = new ArrayList<byte[]>();
            for (byte b : bytes(whole)) {
                parts.add(new byte[] {b});
            }
            return new Reply(parts, false);
        }

        Reply thenClose() {
            return new Reply(parts, true);
        }
    }

    /** A one-thread-per-connection HTTP/1.1 server; {@code script} maps the request to its reply. */
    static final class FakeServer implements AutoCloseable {
        final ServerSocket server;
        final List<String> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger connections = new AtomicInteger();
        final CountDownLatch closedOne = new CountDownLatch(1);
        final Function<String, Reply> script;

        FakeServer(Function<String, Reply> script) throws IOException {
            this.script = script;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::accept);
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    var socket = server.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(socket));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket socket) {
            try (socket) {
                var in = socket.getInputStream();
                var out = socket.getOutputStream();
                while (true) {
                    var request = readRequest(in);
                    if (request == null) {
                        return;
                    }
                    requests.add(request);
                    var reply = script.apply(request);
                    for (int i = 0; i < reply.parts().size(); i++) {
                        out.write(reply.parts().get(i));
                        out.flush();
                        if (reply.parts().size() > 1 && i % 97 == 3) {
                            Thread.sleep(1);
                        }
                    }
                    if (reply.closeAfter()) {
                        socket.close();
                        closedOne.countDown();
                        return;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        }

        /** Head plus a Content-Length body, as text; null at end of stream. */
        private static String readRequest(InputStream in) throws IOException {
            var head = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1) {
                head.write(c);
                var s = head.toString(StandardCharsets.ISO_8859_1);
                if (s.endsWith("\r\n\r\n")) {
                    int length = 0;
                    for (var line : s.split("\r\n")) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    var body = in.readNBytes(length);
                    return s + new String(body, StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private FakeServer server;
    private LeanHttp client;

    private LeanHttp client(Function<String, Reply> script) throws IOException {
        return client(script, LeanHttp.PROBE_AFTER_IDLE_NANOS);
    }

    private LeanHttp client(Function<String, Reply> script, long probeAfterNanos) throws IOException {
        server = new FakeServer(script);
        client = new LeanHttp(server.url(), 5_000, probeAfterNanos);
        return client;
    }

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }

    private Api.Response get(String path) throws Exception {
        return client.send("GET", path, null, null, true, System.nanoTime());
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesMethodHostBearerAndAUtf8JsonBodyWithItsByteLength() throws Exception {
        client(request -> Reply.of("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}"));
        var json = "{\"body\":\"crabs 🦀 ü\"}";
        var response = client.send("POST", "/api/x?y=1", "tok-1", json, false, System.nanoTime());
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{}");
        var request = server.requests.getFirst();
        assertThat(request).startsWith("POST /api/x?y=1 HTTP/1.1\r\n")
                .contains("\r\nHost: 127.0.0.1:" + server.server.getLocalPort() + "\r\n")
                .contains("\r\nAuthorization: Bearer tok-1\r\n")
                .contains("\r\nContent-Type: application/json\r\n")
                .contains("\r\nContent-Length: " + bytes(json).length + "\r\n")
                .endsWith("\r\n\r\n" + json);
        var bodyless = client.send("DELETE", "/api/x", null, null, false, System.nanoTime());
        assertThat(bodyless.status()).isEqualTo(201);
        assertThat(server.requests.get(1)).startsWith("DELETE /api/x HTTP/1.1\r\n")
                .doesNotContain("Authorization").doesNotContain("Content-Length");
    }

    @Test
    void contentLengthBodiesSplitAcrossManyReadsKeepTheConnectionAlive() throws Exception {
        var body = "{\"text\":\"" + "ä€🦀x".repeat(1200) + "\"}"; // multi-byte characters split between reads
        client(request -> Reply.trickled("HTTP/1.1 200 OK\r\ncontent-LENGTH:  " + bytes(body).length
                + " \r\nX-Other: a:b\r\n\r\n" + body));
        for (int i = 0; i < 3; i++) {
            var response = get("/a");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(body);
        }
        assertThat(server.connections.get()).isEqualTo(1);
        assertThat(client.idleConnections()).isEqualTo(1);
    }

    @Test
    void chunkedBodiesWithExtensionsAndTrailersAreJoined() throws Exception {
        var euro = bytes("€"); // three bytes, split over two chunks
        client(request -> new Reply(List.of(
                bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n"),
                bytes("4;name=value\r\nabc"), new byte[] {euro[0], '\r', '\n'},
                bytes("2\r\n"), new byte[] {euro[1], euro[2]}, bytes("\r\n"),
                bytes("1A\r\n" + "z".repeat(26) + "\r\n"),
                bytes("0\r\nX-Trailer: yes\r\n\r\n")), false));
        var first = get("/chunked");
        assertThat(first.body()).isEqualTo("abc€" + "z".repeat(26));
        var second = get("/chunked");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(server.connections.get()).isEqualTo(1);
    }

    @Test
    void chunkedBodiesTrickledByteByByte() throws Exception {
        client(request -> Reply.trickled("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\nA\r\n, crabs!!!\r\n0\r\n\r\n"));
        assertThat(get("/t").body()).isEqualTo("hello, crabs!!!");
        assertThat(get("/t").body()).isEqualTo("hello, crabs!!!");
        assertThat(server.connections.get()).isEqualTo(1);
    }

    @Test
    void connectionCloseIsHonouredAndTheNextRequestOpensANewConnection() throws Exception {
        client(request -> Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok").thenClose());
        assertThat(get("/1").body()).isEqualTo("ok");
        assertThat(client.idleConnections()).isZero();
        assertThat(get("/2").body()).isEqualTo("ok");
        assertThat(server.connections.get()).isEqualTo(2);
    }

    @Test
    void http10AndBodiesThatEndAtCloseAreNotReused() throws Exception {
        client(request -> request.startsWith("GET /old")
                ? Reply.of("HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nold").thenClose()
                : Reply.trickled("HTTP/1.1 200 OK\r\n\r\nuntil the end").thenClose());
        assertThat(get("/old").body()).isEqualTo("old");
        assertThat(get("/eof").body()).isEqualTo("until the end");
        assertThat(client.idleConnections()).isZero();
        assertThat(server.connections.get()).isEqualTo(2);
    }

    @Test
    void interimAnswersAreSkippedAndEmptyAnswersHaveNoBody() throws Exception {
        client(request -> request.startsWith("GET /continue")
                ? Reply.of("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone")
                : Reply.of("HTTP/1.1 204 No Content\r\n\r\n"));
        assertThat(get("/continue").body()).isEqualTo("done");
        var empty = get("/empty");
        assertThat(empty.status()).isEqualTo(204);
        assertThat(empty.body()).isEmpty();
        assertThat(get("/continue").body()).isEqualTo("done");
        assertThat(server.connections.get()).isEqualTo(1);
    }

    @Test
    void anIdleConnectionTheServerClosedIsResentTransparentlyWhenSafe() throws Exception {
        // The server closes after each answer without saying so: the client finds out only when it reuses
        // the connection (no probe here: the close races the next request).
        client(request -> Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok").thenClose(), Long.MAX_VALUE);
        assertThat(get("/1").body()).isEqualTo("ok");
        assertThat(server.closedOne.await(5, TimeUnit.SECONDS)).isTrue();
        long resent = LeanHttp.RETRIED.sum();
        assertThat(get("/2").body()).isEqualTo("ok"); // GET: resent on a new connection
        assertThat(LeanHttp.RETRIED.sum()).isEqualTo(resent + 1);
        assertThat(client.send("POST", "/m", null, "{\"body\":\"b\",\"nonce\":\"n1\"}",
                Api.retryable("POST", "{\"body\":\"b\",\"nonce\":\"n1\"}"), System.nanoTime()).body()).isEqualTo("ok");
        assertThat(server.connections.get()).isEqualTo(3);
    }

    @Test
    void aRequestThatIsNotSafeToRepeatFailsInsteadOfBeingResent() throws Exception {
        client(request -> Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok").thenClose(), Long.MAX_VALUE);
        assertThat(get("/1").body()).isEqualTo("ok");
        assertThat(server.closedOne.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Api.retryable("POST", "{\"emoji\":\"crab\"}")).isFalse();
        assertThatThrownBy(() -> client.send("POST", "/react", null, "{\"emoji\":\"crab\"}", false, System.nanoTime()))
                .isInstanceOf(IOException.class);
        assertThat(server.requests).hasSize(1); // the POST never reached a live server
    }

    @Test
    void aProbeFindsAClosedIdleConnectionBeforeItIsUsed() throws Exception {
        client(request -> Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok").thenClose(), 0);
        assertThat(get("/1").body()).isEqualTo("ok");
        assertThat(server.closedOne.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50); // let the FIN arrive
        long found = LeanHttp.STALE_DISCARDED.sum();
        // Not safe to repeat, yet it succeeds: the stale connection was never used.
        assertThat(client.send("POST", "/react", null, "{}", false, System.nanoTime()).body()).isEqualTo("ok");
        assertThat(LeanHttp.STALE_DISCARDED.sum()).isEqualTo(found + 1);
    }

    @Test
    void garbageAndTruncatedAnswersFail() throws Exception {
        client(request -> request.startsWith("GET /garbage")
                ? Reply.of("SSH-2.0-OpenSSH\r\n\r\n").thenClose()
                : Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort").thenClose());
        assertThatThrownBy(() -> get("/garbage")).isInstanceOf(IOException.class).hasMessageContaining("status line");
        assertThatThrownBy(() -> get("/short")).isInstanceOf(IOException.class).hasMessageContaining("5 of 10");
    }

    @Test
    void concurrentRequestsUseOneConnectionEach() throws Exception {
        client(request -> Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n" + request.charAt(5)));
        var threads = new ArrayList<Thread>();
        var failures = new CopyOnWriteArrayList<String>();
        for (int t = 0; t < 8; t++) {
            int id = t;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 50; i++) {
                    try {
                        var r = get("/" + id);
                        if (!r.body().equals(Integer.toString(id))) {
                            failures.add("thread " + id + " got " + r.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        for (var t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(server.connections.get()).isBetween(1, 8);
    }
}
