package chat.clickclack.callbacks;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * POSTs signed callbacks through {@link CallbackGuard}. Jetty's client lets us own address resolution: the
 * resolver below resolves the host, checks every address and gives the connector only those, so the
 * connection goes to the very address that was checked (java.net.http cannot pin one). Redirects are never
 * followed, answers are read up to {@link #MAX_ANSWER_BYTES}, and every call has a deadline.
 *
 * <p>Thread-safe: one instance serves every caller; calls block the calling (virtual) thread.
 */
public final class CallbackClient implements AutoCloseable {
    public static final int MAX_ANSWER_BYTES = 64 * 1024;
    public static final String USER_AGENT = "ClickClack-Callbacks/1";

    /** What came back: the status (0 when the receiver never answered), the answer's text, or why it failed. */
    public record Outcome(int status, String contentType, String body, String error) {
        public boolean ok() {
            return error == null && status >= 200 && status < 300;
        }

        /** One line for logs and delivery records. */
        public String problem() {
            if (error != null) {
                return error;
            }
            if (status >= 300 && status < 400) {
                return "answered " + status + " (redirects are not followed)";
            }
            return ok() ? null : "answered " + status;
        }
    }

    private final HttpClient http;

    public CallbackClient(CallbackGuard guard) {
        http = new HttpClient();
        http.setFollowRedirects(false);
        http.setConnectTimeout(3_000);
        http.setUserAgentField(new org.eclipse.jetty.http.HttpField("User-Agent", USER_AGENT));
        http.setSocketAddressResolver(guarded(guard));
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the callback HTTP client", e);
        }
    }

    private static SocketAddressResolver guarded(CallbackGuard guard) {
        return (host, port, context, promise) -> {
            try {
                var checked = new ArrayList<InetSocketAddress>();
                for (var address : guard.resolveChecked(host)) {
                    checked.add(new InetSocketAddress(address, port));
                }
                promise.succeeded(checked);
            } catch (CallbackGuard.Refused e) {
                promise.failed(e);
            }
        };
    }

    /** POSTs {@code body} to {@code url} with these headers, waiting at most {@code timeout}. */
    public Outcome post(URI url, String contentType, byte[] body, Map<String, String> headers, Duration timeout) {
        var request = http.newRequest(url).method(HttpMethod.POST).followRedirects(false)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .body(new BytesRequestContent(contentType, body));
        request.headers(h -> headers.forEach(h::put));
        try {
            var response = new CompletableResponseListener(request, MAX_ANSWER_BYTES).send()
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return new Outcome(response.getStatus(), response.getMediaType(),
                    new String(response.getContent(), StandardCharsets.UTF_8), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, null, null, "interrupted");
        } catch (TimeoutException e) {
            return new Outcome(0, null, null, "did not answer within " + seconds(timeout));
        } catch (ExecutionException e) {
            return new Outcome(0, null, null, describe(e.getCause(), timeout));
        }
    }

    private static String describe(Throwable cause, Duration timeout) {
        for (var t = cause; t != null; t = t.getCause()) {
            if (t instanceof CallbackGuard.Refused refused) {
                return "refused by the callback safety rules: " + refused.getMessage();
            }
            if (t instanceof TimeoutException) {
                return "did not answer within " + seconds(timeout);
            }
            if (t instanceof java.net.ConnectException) {
                return "could not connect (" + t.getMessage() + ")";
            }
        }
        var message = cause == null ? null : cause.getMessage();
        return cause == null ? "failed" : cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            // closing at shutdown: nothing left to do with the error
        }
    }
}
