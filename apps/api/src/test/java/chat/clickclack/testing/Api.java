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

    /** A binary answer (a file download): status, bytes and headers. */
    public record Binary(int status, byte[] body, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** POST /api/uploads?workspace_id= with the file in the multipart field {@code file}. */
    public Response upload(String workspaceId, String filename, byte[] bytes) {
        return uploadTo("/api/uploads?workspace_id=" + workspaceId, filename, bytes);
    }

    /** A multipart upload to {@code path} (for a bad query string too); the part says Content-Type text/plain, which the server ignores; a quote in the name goes as %22, as browsers send it. */
    public Response uploadTo(String path, String filename, byte[] bytes) {
        var boundary = "----clickclack" + System.nanoTime();
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename.replace("\"", "%22")
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        return sendRaw("POST", path, body, "multipart/form-data; boundary=" + boundary);
    }

    /** A request with a raw body and Content-Type, contract-checked like the others. */
    public Response sendRaw(String method, String path, byte[] body, String contentType) {
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return checked(method, path, response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET of a file with extra request headers (Range, If-None-Match); JSON error answers are contract-checked. */
    public Binary download(String path, String... headerPairs) {
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).GET();
            headers.forEach(request::header);
            for (int i = 0; i < headerPairs.length; i += 2) {
                request.header(headerPairs[i], headerPairs[i + 1]);
            }
            var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            var type = response.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("application/json")) {
                var problems = Contract.get().check("GET", URI.create(baseUrl + path).getRawPath(), response.statusCode(),
                        new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                assertThat(problems).as("contract check of GET %s -> %d", path, response.statusCode()).isEmpty();
            } else {
                assertThat(Contract.get().check("GET", URI.create(baseUrl + path).getRawPath(), response.statusCode(), ""))
                        .as("GET %s -> %d is documented", path, response.statusCode()).isEmpty();
            }
            return new Binary(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response checked(String method, String path, HttpResponse<String> response) throws IOException {
        var text = response.body();
        var type = response.headers().firstValue("Content-Type").orElse("");
        boolean file = type.startsWith("image/") || type.startsWith("application/octet-stream");
        boolean plain = type.startsWith("text/plain"); // a documented text answer (/hooks/{key} says "ok")
        JsonNode json = text == null || text.isBlank() || file || plain ? null : JSON.readTree(text);
        if (file) {
            text = ""; // bytes of a file: no JSON to check against the contract
        }
        var rawPath = URI.create(baseUrl + path).getRawPath();
        var problems = Contract.get().check(method, rawPath, response.statusCode(), text);
        assertThat(problems).as("contract check of %s %s -> %d %s", method, path, response.statusCode(), text).isEmpty();
        return new Response(response.statusCode(), json, text, response.headers());
    }

    /** A file to send as a multipart upload through {@link #send} (the matrix tests pass bodies generically). */
    public record FilePart(String filename, byte[] bytes) {}

    /** A body sent byte for byte with its own Content-Type through {@link #send} (malformed multipart bodies). */
    public record RawBody(byte[] bytes, String contentType) {}

    /**
     * Sends a request; a String body is sent as is (for malformed-JSON tests), a {@link FilePart} as a multipart
     * upload, anything else as JSON. A file answer (not JSON) has no {@code json}.
     */
    public Response send(String method, String path, Object body) {
        if (body instanceof FilePart file) {
            return uploadTo(path, file.filename(), file.bytes());
        }
        if (body instanceof RawBody raw) {
            return sendRaw(method, path, raw.bytes(), raw.contentType());
        }
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
            return checked(method, path, response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
