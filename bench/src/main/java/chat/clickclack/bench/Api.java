package chat.clickclack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The REST side of a simulated client: {@code java.net.http.HttpClient} over HTTP/1.1 keep-alive, bearer
 * tokens, JSON in and out. Latency is measured around {@code send}, so it includes the client's own
 * queueing, which is what a user would feel.
 *
 * <p>Threading: one instance is shared by every simulated user of a scenario (the client pools connections).
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

    final String base;
    final HttpClient client;

    Api(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    Response get(String token, String path) throws IOException, InterruptedException {
        return send(token, request(path).GET());
    }

    Response post(String token, String path, String json) throws IOException, InterruptedException {
        return send(token, request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
    }

    private Response send(String token, HttpRequest.Builder request) throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long start = System.nanoTime();
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), System.nanoTime() - start);
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
