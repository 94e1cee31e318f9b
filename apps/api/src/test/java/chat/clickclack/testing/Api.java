package chat.clickclack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON client for the real server, as one caller. Every response it receives is checked against the
 * OpenAPI contract, so each test that uses it is also a contract test.
 */
public final class Api {
    /** A response: status, parsed body (null when empty) and the raw text. */
    public record Response(int status, JsonNode json, String body, java.net.http.HttpHeaders headers) {
        public String text(String field) {
            return json.path(field).asText();
        }

        public JsonNode at(String pointer) {
            return json.at(pointer);
        }

        public String error() {
            return json == null ? null : json.path("error").asText(null);
        }
    }

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Map<String, String> headers;

    Api(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = headers;
    }

    /** The same caller with an extra header on every request. */
    public Api withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Api(baseUrl, copy);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends a request; a String body is sent as is (for malformed-JSON tests), anything else as JSON. */
    public Response send(String method, String path, Object body) {
        try {
            var payload = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
            var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                    .method(method, payload);
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var text = response.body();
            JsonNode json = text == null || text.isBlank() ? null : JSON.readTree(text);
            var rawPath = URI.create(baseUrl + path).getRawPath();
            var problems = Contract.get().check(method, rawPath, response.statusCode(), text);
            assertThat(problems).as("contract check of %s %s -> %d %s", method, path, response.statusCode(), text).isEmpty();
            return new Response(response.statusCode(), json, text, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
