package chat.clickclack.config;

import chat.clickclack.http.ForwardedHeaders;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The transport limits and the HTTP hardening settings (issue 15): read deadlines, connection and socket
 * caps, the proxies whose forwarding headers are believed, and who may frame the web app.
 *
 * @param headerReadTimeout how long a client may take to send a request's line and headers
 * @param bodyReadTimeout   how long a client may take to send a request's body once its headers are in
 * @param uploadReadTimeout the same for a file upload ({@code POST /api/uploads}): a 64 MiB file needs longer
 * @param maxConnections    open TCP connections at most (keep it below the process's descriptor limit)
 * @param maxSocketsPerUser open WebSockets per user at most
 * @param maxSocketsPerIp   open WebSockets per client address at most
 * @param trustedProxies    addresses or CIDR ranges whose X-Forwarded-For / X-Forwarded-Proto are believed
 * @param frameAncestors    origins allowed to frame our pages (empty: nobody)
 */
public record HttpHardening(
        Duration headerReadTimeout,
        Duration bodyReadTimeout,
        Duration uploadReadTimeout,
        int maxConnections,
        int maxSocketsPerUser,
        int maxSocketsPerIp,
        List<String> trustedProxies,
        List<String> frameAncestors) {
    public static final int DEFAULT_HEADER_READ_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_BODY_READ_TIMEOUT_MS = 30_000;
    /** Ten minutes: a 64 MiB file at about 110 KB/s. */
    public static final int DEFAULT_UPLOAD_READ_TIMEOUT_MS = 600_000;
    public static final int DEFAULT_MAX_CONNECTIONS = 16_384;
    public static final int DEFAULT_MAX_SOCKETS_PER_USER = 32;
    public static final int DEFAULT_MAX_SOCKETS_PER_IP = 512;

    /** Reads the keys through {@code value(key, default)} (flags, environment, file, in that order). */
    static HttpHardening load(BiFunction<String, String, String> value) {
        var proxies = list(value.apply("trusted_proxies", ""));
        try {
            new ForwardedHeaders(proxies);
        } catch (IllegalArgumentException e) {
            throw new ConfigLoader.ConfigException(e.getMessage());
        }
        var ancestors = list(value.apply("frame_ancestors", ""));
        for (var ancestor : ancestors) {
            // Each one lands in the Content-Security-Policy header: no room for a ';' that adds a directive.
            if (!ancestor.matches("'self'|https?://[A-Za-z0-9.*\\[\\]:-]+")) {
                throw new ConfigLoader.ConfigException("frame_ancestors: '" + ancestor
                        + "' must be an origin such as https://intranet.example.com, or 'self'");
            }
        }
        return new HttpHardening(
                millis(value, "header_read_timeout_ms", DEFAULT_HEADER_READ_TIMEOUT_MS),
                millis(value, "body_read_timeout_ms", DEFAULT_BODY_READ_TIMEOUT_MS),
                millis(value, "upload_read_timeout_ms", DEFAULT_UPLOAD_READ_TIMEOUT_MS),
                count(value, "max_connections", DEFAULT_MAX_CONNECTIONS),
                count(value, "max_sockets_per_user", DEFAULT_MAX_SOCKETS_PER_USER),
                count(value, "max_sockets_per_ip", DEFAULT_MAX_SOCKETS_PER_IP),
                proxies,
                ancestors);
    }

    private static Duration millis(BiFunction<String, String, String> value, String key, int fallback) {
        return Duration.ofMillis(ConfigLoader.integer(key, value.apply(key, Integer.toString(fallback)), 50, 3_600_000));
    }

    private static int count(BiFunction<String, String, String> value, String key, int fallback) {
        return ConfigLoader.integer(key, value.apply(key, Integer.toString(fallback)), 1, 10_000_000);
    }

    /** "a, b c" → [a, b, c]: commas or spaces separate entries. */
    private static List<String> list(String raw) {
        return Arrays.stream(raw.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
