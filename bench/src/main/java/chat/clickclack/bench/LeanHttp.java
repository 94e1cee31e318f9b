package chat.clickclack.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.LongAdder;

/**
 * A minimal HTTP/1.1 client for plain-http servers (the bench only ever talks to loopback): persistent
 * keep-alive connections, each used by one request at a time, kept in a LIFO pool of idle connections (so
 * as many connections exist as requests were ever in flight at once — one per concurrent simulated user,
 * the way browsers and bots hold theirs — and the hot ones stay hot).
 *
 * <p>Why it exists: the load generator shares the machine's two vCPUs with the server it measures. In the
 * recorded {@code send} run (BENCHMARKS.md) {@code java.net.http.HttpClient} cost the bench about 340 µs of
 * CPU per request — 0.72 cores at 2,113 requests/s — CPU the server then did not have, so the benchmark
 * under-reported the server. The JDK client runs every exchange through its selector-manager thread,
 * executor hand-offs, {@code CompletableFuture} chains, header maps and body subscribers; this one writes
 * the request into a reused per-connection buffer in one {@code write}, reads the answer on the caller's
 * (virtual) thread and parses it in place. Measured in the same minutes ({@code bench/run send --duration 10
 * --warmup 10}, 64 senders, three runs each, alternating, on the shared 2-vCPU machine at load 5–6): the
 * bench's whole CPU per acknowledged message (client, JSON, checks, JIT, GC) was a median 532 µs with the
 * JDK client (0.60 cores) and 137 µs with this one (0.18 cores). {@code --http-client jdk} keeps the JDK
 * client for comparison.
 *
 * <p>What it does: GET/POST/PUT/DELETE (any method), a bearer header, JSON bodies encoded as UTF-8;
 * responses with Content-Length, chunked Transfer-Encoding (trailers skipped) or read-to-close bodies,
 * interim 1xx responses skipped, {@code Connection: close} and HTTP/1.0 honoured, bodies decoded as UTF-8.
 * An idle connection the server has closed is noticed before reuse (a non-blocking probe after
 * {@link #PROBE_AFTER_IDLE_NANOS} idle) or, if the close races the request, by the exchange failing before a
 * single response byte arrived: then a request that is safe to send twice (GETs, POSTs carrying a nonce)
 * is sent again on another connection; anything else fails like it would in a browser. No TLS, no proxies,
 * no redirects, no compression, no pipelining.
 *
 * <p>Threading: the pool is thread-safe; a connection belongs to one request at a time.
 */
final class LeanHttp implements HttpTransport {
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** Idle longer than this: probe the socket for a close before reusing it. */
    static final long PROBE_AFTER_IDLE_NANOS = 1_000_000_000L;
    /** Idle longer than this: do not reuse at all (Jetty closes idle connections after 30 s by default). */
    static final long DISCARD_AFTER_IDLE_NANOS = 25_000_000_000L;
    static final int BUFFER = 8 * 1024;
    static final int MAX_LINE = 64 * 1024;
    static final int KEEP_SCRATCH = 256 * 1024;

    /** Counters over the whole bench run, for the report. */
    static final LongAdder REQUESTS = new LongAdder();
    static final LongAdder CONNECTIONS_OPENED = new LongAdder();
    static final LongAdder STALE_DISCARDED = new LongAdder();
    static final LongAdder RETRIED = new LongAdder();

    private final InetSocketAddress address;
    private final String pathPrefix;
    private final byte[] hostLine;
    private final int timeoutMillis;
    private final long probeAfterIdleNanos;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean shut;

    LeanHttp(String base) {
        this(base, (int) Api.REQUEST_TIMEOUT.toMillis(), PROBE_AFTER_IDLE_NANOS);
    }

    /**
     * @param timeoutMillis how long a read may wait for the server (the request timeout)
     * @param probeAfterIdleNanos probe an idle connection for a close before reusing it after this long
     */
    LeanHttp(String base, int timeoutMillis, long probeAfterIdleNanos) {
        var uri = URI.create(base);
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("the lean HTTP client speaks plain http only, not " + base
                    + " (use --http-client jdk)");
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        this.address = new InetSocketAddress(uri.getHost(), port);
        var prefix = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.pathPrefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        this.hostLine = ("Host: " + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + port) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        this.timeoutMillis = timeoutMillis;
        this.probeAfterIdleNanos = probeAfterIdleNanos;
    }

    static Map<String, Object> counters() {
        return Map.of("requests", REQUESTS.sum(), "connections_opened", CONNECTIONS_OPENED.sum(),
                "idle_connections_found_closed", STALE_DISCARDED.sum(), "requests_resent", RETRIED.sum());
    }

    @Override
    public Api.Response send(String method, String path, String token, String json, boolean retryable, long start)
            throws IOException {
        REQUESTS.increment();
        while (true) {
            var connection = pooled();
            boolean reused = connection != null;
            if (connection == null) {
                connection = connect();
            }
            try {
                var response = connection.exchange(method, pathPrefix + path, token, json, start);
                if (connection.keepAlive && !shut) {
                    connection.lastUsed = System.nanoTime();
                    idle.offerFirst(connection);
                } else {
                    close(connection);
                }
                return response;
            } catch (StaleConnection e) {
                close(connection);
                if (!reused || !retryable || shut) {
                    throw e.getCause() instanceof IOException io ? io : e;
                }
                RETRIED.increment();
            } catch (IOException | RuntimeException e) {
                close(connection);
                throw e;
            }
        }
    }

    /** The most recently used idle connection that still looks open, or null. */
    private Connection pooled() {
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            long idleNanos = System.nanoTime() - connection.lastUsed;
            if (idleNanos > DISCARD_AFTER_IDLE_NANOS || (idleNanos >= probeAfterIdleNanos && !connection.looksOpen())) {
                STALE_DISCARDED.increment();
                close(connection);
                continue;
            }
            return connection;
        }
        return null;
    }

    private Connection connect() throws IOException {
        if (shut) {
            throw new IOException("HTTP client shut down");
        }
        var channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().connect(address, CONNECT_TIMEOUT_MILLIS);
            channel.socket().setSoTimeout(timeoutMillis);
            var connection = new Connection(channel, hostLine);
            open.add(connection);
            CONNECTIONS_OPENED.increment();
            return connection;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void close(Connection connection) {
        open.remove(connection);
        connection.close();
    }

    /** Connections currently idle in the pool (for tests). */
    int idleConnections() {
        return idle.size();
    }

    @Override
    public String describe() {
        return "lean (bench LeanHttp)";
    }

    @Override
    public void shutdownNow() {
        shut = true;
        for (var connection : open) {
            close(connection);
        }
        idle.clear();
    }

    /** The exchange failed before a single byte of the answer arrived on a connection kept alive before. */
    static final class StaleConnection extends IOException {
        StaleConnection(IOException cause) {
            super("connection closed before an answer: " + cause, cause);
        }
    }

    /** One socket, its buffers and the parser of its answers. */
    static final class Connection {
        private static final byte[] HTTP_1_1 = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] BEARER = "Authorization: Bearer ".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] JSON_LENGTH = "Content-Type: application/json\r\nContent-Length: "
                .getBytes(StandardCharsets.US_ASCII);
        private static final byte[] EMPTY_LENGTH = "Content-Length: 0\r\n".getBytes(StandardCharsets.US_ASCII);

        private final SocketChannel channel;
        private final InputStream in;
        private final byte[] hostLine;
        private byte[] out = new byte[BUFFER];
        private byte[] buf = new byte[BUFFER];
        private int pos;
        private int lim;
        private byte[] scratch = new byte[0];
        private int scratchLength;
        private boolean gotBytes;
        boolean keepAlive;
        volatile long lastUsed;

        Connection(SocketChannel channel, byte[] hostLine) throws IOException {
            this.channel = channel;
            this.in = channel.socket().getInputStream(); // the adaptor honours SO_TIMEOUT, the channel does not
            this.hostLine = hostLine;
        }

        Api.Response exchange(String method, String path, String token, String json, long start) throws IOException {
            keepAlive = false;
            gotBytes = false;
            int length = writeRequest(method, path, token, json);
            try {
                var buffer = ByteBuffer.wrap(out, 0, length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                throw new StaleConnection(e);
            }
            try {
                return readResponse(method, start);
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                throw gotBytes ? e : new StaleConnection(e);
            }
        }

        // ---- request

        private int writeRequest(String method, String path, String token, String json) {
            int bodyLength = json == null ? 0 : utf8Length(json);
            int need = method.length() + utf8Length(path) + hostLine.length + 160
                    + (token == null ? 0 : token.length()) + bodyLength;
            if (need > out.length) {
                out = new byte[Math.max(need, out.length * 2)];
            }
            int at = ascii(method, 0);
            out[at++] = ' ';
            at = utf8(path, at);
            at = bytes(HTTP_1_1, at);
            at = bytes(hostLine, at);
            if (token != null) {
                at = bytes(BEARER, at);
                at = ascii(token, at);
                out[at++] = '\r';
                out[at++] = '\n';
            }
            if (json != null) {
                at = bytes(JSON_LENGTH, at);
                at = ascii(Integer.toString(bodyLength), at);
                out[at++] = '\r';
                out[at++] = '\n';
            } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                at = bytes(EMPTY_LENGTH, at);
            }
            out[at++] = '\r';
            out[at++] = '\n';
            if (json != null) {
                at = utf8(json, at);
            }
            return at;
        }

        private int bytes(byte[] bytes, int at) {
            System.arraycopy(bytes, 0, out, at, bytes.length);
            return at + bytes.length;
        }

        private int ascii(String text, int at) {
            for (int i = 0, n = text.length(); i < n; i++) {
                out[at++] = (byte) text.charAt(i);
            }
            return at;
        }

        /** Encodes like {@code getBytes(UTF_8)} (a lone surrogate becomes '?') into {@link #out}. */
        private int utf8(String text, int at) {
            byte[] b = out;
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    b[at++] = (byte) c;
                } else if (c < 0x800) {
                    b[at++] = (byte) (0xC0 | c >> 6);
                    b[at++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(++i));
                    b[at++] = (byte) (0xF0 | cp >> 18);
                    b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[at++] = (byte) (0x80 | cp & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    b[at++] = '?';
                } else {
                    b[at++] = (byte) (0xE0 | c >> 12);
                    b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                    b[at++] = (byte) (0x80 | c & 0x3F);
                }
            }
            return at;
        }

        static int utf8Length(String text) {
            int length = 0;
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    length++;
                } else if (c < 0x800) {
                    length += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    length += 4;
                    i++;
                } else if (Character.isSurrogate(c)) {
                    length++;
                } else {
                    length += 3;
                }
            }
            return length;
        }

        // ---- response

        private Api.Response readResponse(String method, long start) throws IOException {
            int status;
            long contentLength;
            boolean chunked;
            boolean close;
            while (true) {
                int end = lineEnd();
                int lineLength = trimmedEnd(end) - pos;
                if (lineLength < 12 || !startsWith(pos, "HTTP/1.") || buf[pos + 8] != ' ') {
                    throw new IOException("not an HTTP/1.x status line: " + text(pos, trimmedEnd(end)));
                }
                boolean http10 = buf[pos + 7] == '0';
                status = digit(pos + 9) * 100 + digit(pos + 10) * 10 + digit(pos + 11);
                if (status < 100 || (lineLength > 12 && buf[pos + 12] != ' ')) {
                    throw new IOException("bad status line: " + text(pos, trimmedEnd(end)));
                }
                pos = end + 1;
                contentLength = -1;
                chunked = false;
                close = http10;
                while (true) {
                    end = lineEnd();
                    int stop = trimmedEnd(end);
                    if (stop == pos) {
                        pos = end + 1;
                        break;
                    }
                    int colon = indexOf(':', pos, stop);
                    if (colon <= pos) {
                        throw new IOException("bad header line: " + text(pos, stop));
                    }
                    int valueStart = colon + 1;
                    while (valueStart < stop && (buf[valueStart] == ' ' || buf[valueStart] == '\t')) {
                        valueStart++;
                    }
                    int valueEnd = stop;
                    while (valueEnd > valueStart && (buf[valueEnd - 1] == ' ' || buf[valueEnd - 1] == '\t')) {
                        valueEnd--;
                    }
                    if (nameIs(pos, colon, "content-length")) {
                        contentLength = number(valueStart, valueEnd);
                    } else if (nameIs(pos, colon, "transfer-encoding")) {
                        chunked = endsWithIgnoreCase(valueStart, valueEnd, "chunked");
                    } else if (nameIs(pos, colon, "connection")) {
                        if (containsIgnoreCase(valueStart, valueEnd, "close")) {
                            close = true;
                        } else if (containsIgnoreCase(valueStart, valueEnd, "keep-alive")) {
                            close = false;
                        }
                    }
                    pos = end + 1;
                }
                if (status >= 200) {
                    break;
                }
                if (status == 101) {
                    throw new IOException("unexpected 101 Switching Protocols");
                }
                // 100 Continue, 103 Early Hints…: an interim answer; the real one follows.
            }
            String body;
            if (method.equals("HEAD") || status == 204 || status == 304) {
                body = "";
            } else if (chunked) {
                body = readChunked();
            } else if (contentLength >= 0) {
                body = readFixed(contentLength);
            } else {
                body = readToClose();
                close = true;
            }
            // Bytes beyond the answer would be a protocol error (we never pipeline): do not reuse then.
            keepAlive = !close && pos == lim;
            long nanos = System.nanoTime() - start;
            return new Api.Response(status, body, nanos);
        }

        private String readFixed(long length) throws IOException {
            if (length > Integer.MAX_VALUE - 16) {
                throw new IOException("body too large: " + length);
            }
            int n = (int) length;
            if (lim - pos >= n) {
                var body = new String(buf, pos, n, StandardCharsets.UTF_8);
                pos += n;
                return body;
            }
            var body = new byte[n];
            int have = lim - pos;
            System.arraycopy(buf, pos, body, 0, have);
            pos = lim = 0;
            while (have < n) {
                int read = in.read(body, have, n - have);
                if (read < 0) {
                    throw new EOFException("connection closed after " + have + " of " + n + " body bytes");
                }
                have += read;
            }
            return new String(body, StandardCharsets.UTF_8);
        }

        private String readChunked() throws IOException {
            scratchLength = 0;
            while (true) {
                int end = lineEnd();
                int stop = trimmedEnd(end);
                int semicolon = indexOf(';', pos, stop);
                long size = hex(pos, semicolon < 0 ? stop : semicolon);
                pos = end + 1;
                if (size == 0) {
                    // Trailer fields until an empty line.
                    while (true) {
                        end = lineEnd();
                        boolean empty = trimmedEnd(end) == pos;
                        pos = end + 1;
                        if (empty) {
                            break;
                        }
                    }
                    break;
                }
                if (scratchLength + size > Integer.MAX_VALUE - 16) {
                    throw new IOException("chunked body too large");
                }
                copyToScratch((int) size);
                end = lineEnd();
                if (trimmedEnd(end) != pos) {
                    throw new IOException("chunk not followed by CRLF");
                }
                pos = end + 1;
            }
            var body = new String(scratch, 0, scratchLength, StandardCharsets.UTF_8);
            releaseScratch();
            return body;
        }

        private String readToClose() throws IOException {
            scratchLength = 0;
            while (true) {
                if (pos < lim) {
                    copyToScratch(lim - pos);
                }
                if (!fillOrEof()) {
                    break;
                }
            }
            var body = new String(scratch, 0, scratchLength, StandardCharsets.UTF_8);
            releaseScratch();
            return body;
        }

        /** Moves {@code n} body bytes (buffered or still to read) into {@link #scratch}. */
        private void copyToScratch(int n) throws IOException {
            if (scratch.length < scratchLength + n) {
                scratch = Arrays.copyOf(scratch, Math.max(scratchLength + n, Math.max(BUFFER, scratch.length * 2)));
            }
            while (n > 0) {
                if (pos == lim) {
                    fill();
                }
                int take = Math.min(n, lim - pos);
                System.arraycopy(buf, pos, scratch, scratchLength, take);
                scratchLength += take;
                pos += take;
                n -= take;
            }
        }

        private void releaseScratch() {
            if (scratch.length > KEEP_SCRATCH) {
                scratch = new byte[0];
            }
            scratchLength = 0;
        }

        /** Index of the next '\n' at or after {@link #pos}, reading more as needed. */
        private int lineEnd() throws IOException {
            int scanned = pos;
            while (true) {
                for (int i = scanned; i < lim; i++) {
                    if (buf[i] == '\n') {
                        return i;
                    }
                }
                int offset = lim - pos;
                fill();
                scanned = pos + offset;
            }
        }

        /** The end of the line ending at {@code newline}, without its '\r'. */
        private int trimmedEnd(int newline) {
            return newline > pos && buf[newline - 1] == '\r' ? newline - 1 : newline;
        }

        private void fill() throws IOException {
            if (!fillOrEof()) {
                throw new EOFException(gotBytes ? "connection closed in the middle of an answer" : "connection closed");
            }
        }

        /** Reads more bytes after {@link #lim}, keeping pos..lim; false at end of stream. */
        private boolean fillOrEof() throws IOException {
            if (pos == lim) {
                pos = lim = 0;
            } else if (lim == buf.length) {
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, lim - pos);
                    lim -= pos;
                    pos = 0;
                } else if (buf.length >= MAX_LINE) {
                    throw new IOException("response line longer than " + MAX_LINE + " bytes");
                } else {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
            }
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                return false;
            }
            gotBytes |= n > 0;
            lim += n;
            return true;
        }

        /** Between requests: false when the server closed the connection or sent something unasked. */
        boolean looksOpen() {
            try {
                channel.configureBlocking(false);
                try {
                    return channel.read(ByteBuffer.wrap(buf)) == 0;
                } finally {
                    channel.configureBlocking(true);
                }
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }

        // ---- small parsing helpers over buf

        private int digit(int at) throws IOException {
            int d = buf[at] - '0';
            if (d < 0 || d > 9) {
                throw new IOException("bad status code");
            }
            return d;
        }

        private long number(int from, int to) throws IOException {
            if (from == to) {
                throw new IOException("empty Content-Length");
            }
            long value = 0;
            for (int i = from; i < to; i++) {
                int d = buf[i] - '0';
                if (d < 0 || d > 9 || value > Long.MAX_VALUE / 10) {
                    throw new IOException("bad Content-Length: " + text(from, to));
                }
                value = value * 10 + d;
            }
            return value;
        }

        private long hex(int from, int to) throws IOException {
            while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) {
                to--;
            }
            if (from == to || to - from > 15) {
                throw new IOException("bad chunk size: " + text(from, to));
            }
            long value = 0;
            for (int i = from; i < to; i++) {
                int d = Character.digit(buf[i], 16);
                if (d < 0) {
                    throw new IOException("bad chunk size: " + text(from, to));
                }
                value = value << 4 | d;
            }
            return value;
        }

        private int indexOf(char c, int from, int to) {
            for (int i = from; i < to; i++) {
                if (buf[i] == c) {
                    return i;
                }
            }
            return -1;
        }

        private boolean startsWith(int at, String prefix) {
            for (int i = 0; i < prefix.length(); i++) {
                if (buf[at + i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Header name buf[from, to) equals {@code lower} ignoring ASCII case. */
        private boolean nameIs(int from, int to, String lower) {
            return to - from == lower.length() && regionIgnoreCase(from, lower);
        }

        private boolean endsWithIgnoreCase(int from, int to, String lower) {
            return to - from >= lower.length() && regionIgnoreCase(to - lower.length(), lower);
        }

        private boolean containsIgnoreCase(int from, int to, String lower) {
            for (int i = from; i + lower.length() <= to; i++) {
                if (regionIgnoreCase(i, lower)) {
                    return true;
                }
            }
            return false;
        }

        private boolean regionIgnoreCase(int at, String lower) {
            for (int i = 0; i < lower.length(); i++) {
                int b = buf[at + i];
                if (b >= 'A' && b <= 'Z') {
                    b |= 0x20;
                }
                if (b != lower.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private String text(int from, int to) {
            return new String(buf, from, Math.min(to - from, 200), StandardCharsets.ISO_8859_1);
        }
    }
}
