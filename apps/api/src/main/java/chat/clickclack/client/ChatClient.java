package chat.clickclack.client;

import chat.clickclack.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The REST API as the chat commands use it: bearer-authenticated JSON over {@code java.net.http}. Answers are
 * read as trees (the commands print what the server sent, so fields added later pass through untouched), and
 * every non-2xx answer becomes a {@link ClientException} with the exit code it maps to.
 */
public final class ChatClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(10);
    private static final int POST_ATTEMPTS = 3;
    private static final Duration RETRY_DELAY = Duration.ofMillis(500);

    private final HttpClient http;
    private final String baseUrl;
    private final String token;

    public ChatClient(String baseUrl, String token) {
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.baseUrl = stripTrailingSlash(baseUrl);
        this.token = token;
    }

    static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String baseUrl() {
        return baseUrl;
    }

    String token() {
        return token;
    }

    HttpClient http() {
        return http;
    }

    public JsonNode get(String path) {
        return get(path, Map.of());
    }

    public JsonNode get(String path, Map<String, String> query) {
        return send(request(path, query).GET());
    }

    public JsonNode post(String path, Object body) {
        return send(request(path, Map.of()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /**
     * POSTs a file as {@code multipart/form-data} in the field {@code field}, streamed from disk. The filename is
     * sent as browsers send it (UTF-8, with {@code "} and line breaks percent-encoded), which the server reads.
     */
    public JsonNode postFile(String path, Map<String, String> query, String field, java.nio.file.Path file) {
        var boundary = "clickclack-" + java.util.UUID.randomUUID();
        var name = file.getFileName().toString().replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
        var head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        var tail = "\r\n--" + boundary + "--\r\n";
        try {
            var body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                    HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
            return send(request(path, query).timeout(UPLOAD_TIMEOUT)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body));
        } catch (java.io.FileNotFoundException e) {
            throw ClientException.notFound("no such file: " + file);
        }
    }

    /**
     * POSTs a body that carries a nonce, retrying while the server cannot be reached or is restarting: the nonce
     * makes a retry of a request whose answer was lost return the original instead of posting twice.
     */
    public JsonNode postRetrying(String path, Object body) {
        for (int attempt = 1; ; attempt++) {
            try {
                return post(path, body);
            } catch (ClientException e) {
                if (!e.retryable() || attempt == POST_ATTEMPTS) {
                    throw e;
                }
            }
            try {
                Thread.sleep(RETRY_DELAY.multipliedBy(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ClientException.error("interrupted");
            }
        }
    }

    /** A query map in the order given, skipping absent values. */
    static Map<String, String> query(String... keysAndValues) {
        var query = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                query.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return query;
    }

    /** The URI of an API path with its query, for HTTP and (with ws:/wss:) the WebSocket. */
    URI uri(String path, Map<String, String> query) {
        var joined = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((key, value) -> joined.add(key + "=" + encode(value)));
        return URI.create(baseUrl + path + joined);
    }

    private HttpRequest.Builder request(String path, Map<String, String> query) {
        return HttpRequest.newBuilder(uri(path, query)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest.Builder builder) {
        var request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ClientException.unavailable("cannot reach " + baseUrl + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ClientException.error("interrupted");
        }
        var body = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return body;
        }
        throw failure(status, body.path("error").asText(response.body().isBlank() ? "no details" : response.body().strip()));
    }

    /** The exception a refused request ends in, by status. */
    static ClientException failure(int status, String error) {
        return switch (status) {
            case 401 -> ClientException.auth("not signed in (" + error + "): check the token, or run 'clickclack login' again");
            case 403 -> ClientException.auth("not allowed: " + error);
            case 404 -> ClientException.notFound(error);
            case 429, 502, 503, 504 -> ClientException.unavailable("server answered " + status + ": " + error);
            default -> status >= 500 ? ClientException.unavailable("server error " + status + ": " + error)
                    : ClientException.error(error);
        };
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String json(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String describe(Throwable e) {
        var message = e.getMessage();
        return e instanceof java.net.ConnectException || message == null || message.isBlank()
                ? "connection refused or timed out" : message;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
