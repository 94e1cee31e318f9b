package chat.clickclack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code java.net.http.HttpClient} over HTTP/1.1 keep-alive ({@code --http-client jdk}). Correct and
 * complete, but the bench spent about four times more CPU per request with it than with {@link LeanHttp}
 * (532 vs 137 µs per acknowledged message in the same minutes, see there), CPU taken from the server it
 * measures, so it is no longer the default.
 */
final class JdkHttp implements HttpTransport {
    private final String base;
    private final HttpClient client;

    JdkHttp(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Override
    public Api.Response send(String method, String path, String token, String json, boolean retryable, long start)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Api.REQUEST_TIMEOUT);
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, method.equals("POST") || method.equals("PUT")
                    ? HttpRequest.BodyPublishers.ofString("") : HttpRequest.BodyPublishers.noBody());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Response(response.statusCode(), response.body(), System.nanoTime() - start);
    }

    @Override
    public String describe() {
        return "java.net.http.HttpClient";
    }

    @Override
    public void shutdownNow() {
        client.shutdownNow();
    }
}
