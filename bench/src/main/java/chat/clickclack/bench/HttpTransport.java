package chat.clickclack.bench;

import java.io.IOException;

/**
 * How {@link Api} sends one request: {@link LeanHttp} (default), a minimal HTTP/1.1 keep-alive client on
 * plain sockets, or {@link JdkHttp}, {@code java.net.http.HttpClient}, chosen with {@code --http-client jdk}.
 *
 * <p>Threading: implementations are shared by every simulated user of a scenario and must be thread-safe.
 */
interface HttpTransport {
    /**
     * Sends one request and reads the whole answer.
     *
     * @param method    GET, POST, PUT, DELETE…
     * @param path      path and query, starting with '/'
     * @param token     bearer token, or null
     * @param json      a JSON body (sent as application/json), or null for none
     * @param retryable true when sending it twice is harmless (a GET, a POST carrying a nonce): a transport may
     *                  then resend it on a fresh connection when a kept-alive one turns out to be closed
     * @param start     {@code System.nanoTime()} at which the caller started; the answer's nanos count from it
     */
    Api.Response send(String method, String path, String token, String json, boolean retryable, long start)
            throws IOException, InterruptedException;

    /** Which client this is, for the report. */
    String describe();

    /** Closes every connection; requests in flight fail. */
    void shutdownNow();
}
