package chat.clickclack.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP receiver on loopback (the JDK's HttpServer) for callback tests: it records every request and
 * answers with whatever {@link #answer} says. Its own signature check is written from the documented rule,
 * not from the server's code, so a test fails when the server signs differently from what docs/api.md says.
 */
public final class CallbackReceiver implements AutoCloseable {
    /** A request as received. */
    public record Received(String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The form fields of an application/x-www-form-urlencoded body. */
        public Map<String, String> form() {
            var out = new LinkedHashMap<String, String>();
            for (var pair : text().split("&")) {
                var eq = pair.indexOf('=');
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return out;
        }

        /** Whether X-ClickClack-Signature is sha256=hex(HMAC-SHA256(secret, timestamp + "." + body)). */
        public boolean signedWith(String secret) {
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((header("X-ClickClack-Timestamp") + ".").getBytes(StandardCharsets.UTF_8));
                var expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
                return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        String.valueOf(header("X-ClickClack-Signature")).getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** An answer: status, content type, body, and extra headers. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {
        public static Answer json(String body) {
            return new Answer(200, "application/json", body, Map.of());
        }

        public static Answer status(int status) {
            return new Answer(status, "text/plain", "", Map.of());
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    /** What to answer; tests swap it (e.g. 503 during an outage). */
    public volatile Function<Received, Answer> answer = r -> Answer.status(200);

    private CallbackReceiver(HttpServer server) {
        this.server = server;
    }

    public static CallbackReceiver start() {
        return start(0);
    }

    /** Starts on this loopback port (0: any free one); a restarted receiver takes its old port. */
    public static CallbackReceiver start(int port) {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            var receiver = new CallbackReceiver(server);
            server.createContext("/", exchange -> {
                var r = new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                        exchange.getRequestBody().readAllBytes());
                receiver.received.add(r);
                var a = receiver.answer.apply(r);
                var bytes = a.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", a.contentType());
                a.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The next request, waiting at most {@code seconds}; fails when none comes. */
    public Received next(int seconds) throws InterruptedException {
        var r = received.poll(seconds, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no callback arrived within " + seconds + " s");
        }
        return r;
    }

    /** Requests received and not taken yet. */
    public List<Received> drain() {
        var out = new java.util.ArrayList<Received>();
        received.drainTo(out);
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
