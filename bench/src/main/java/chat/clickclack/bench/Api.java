package chat.clickclack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The REST side of a simulated client: HTTP/1.1 keep-alive, bearer tokens, JSON in and out, over
 * {@link LeanHttp} (default) or {@code java.net.http.HttpClient} ({@link JdkHttp}, {@code --http-client jdk}).
 * Latency is measured around the whole exchange, so it includes the client's own queueing, which is what a
 * user would feel.
 *
 * <p>Threading: one instance is shared by every simulated user of a scenario (the transport pools
 * connections).
 */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Prefix that keeps nonces unique across bench runs against the same server (--url). */
    static final String RUN_ID = Long.toString(System.currentTimeMillis(), 36);

    /** One answer: its status, body and how long it took from send to the whole body. */
    record Response(int status, String body, long nanos) {
        boolean ok() {
            return status / 100 == 2;
        }

        /**
         * A message post was acknowledged: 201, or 200 when the lean client resent a POST whose first attempt
         * the server had already committed (the nonce makes the resend answer with the original message).
         */
        boolean posted() {
            return status == 201 || status == 200;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (status " + status + "): " + abbreviate(body), e);
            }
        }

        /** The JSON body of a success; anything else is an error the caller cannot continue after. */
        JsonNode require(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + " answered " + status + ": " + abbreviate(body));
            }
            return json();
        }
    }

    /** Which transport new instances use; set once from the command line ({@code --http-client}). */
    static volatile boolean useJdkClient;

    final String base;
    /** The transport ({@code client.shutdownNow()} closes its connections). */
    final HttpTransport client;

    Api(String base) {
        this.base = base;
        this.client = useJdkClient ? new JdkHttp(base) : new LeanHttp(base);
    }

    Response get(String token, String path) throws IOException, InterruptedException {
        return send("GET", token, path, null);
    }

    Response post(String token, String path, String json) throws IOException, InterruptedException {
        return send("POST", token, path, json);
    }

    Response put(String token, String path, String json) throws IOException, InterruptedException {
        return send("PUT", token, path, json);
    }

    Response delete(String token, String path) throws IOException, InterruptedException {
        return send("DELETE", token, path, null);
    }

    private Response send(String method, String token, String path, String json) throws IOException, InterruptedException {
        return client.send(method, path, token, json, retryable(method, json), System.nanoTime());
    }

    /**
     * Safe to send twice: a GET (or HEAD), or a POST whose body carries a nonce (the server answers a repeated
     * nonce with the message it already created instead of a second one).
     */
    static boolean retryable(String method, String json) {
        return method.equals("GET") || method.equals("HEAD")
                || (method.equals("POST") && json != null && json.contains("\"nonce\":"));
    }

    /** {@code {"body": …, "nonce": …}} written by hand: the bench's bodies are plain ASCII we control. */
    static String messageBody(String body, String nonce) {
        return nonce == null ? "{\"body\":\"" + body + "\"}" : "{\"body\":\"" + body + "\",\"nonce\":\"" + nonce + "\"}";
    }

    static String quote(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
