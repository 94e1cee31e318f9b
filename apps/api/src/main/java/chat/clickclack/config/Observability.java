package chat.clickclack.config;

import java.util.Locale;
import java.util.function.BiFunction;

/**
 * What the server tells its operator: Prometheus metrics on a listen address of their own (off by default,
 * so nothing about the server is public unless asked for), and the access log.
 *
 * @param metricsHost where /metrics listens, or null when metrics are off
 * @param metricsPort its port (0 picks a free one)
 * @param accessLog   which requests are logged: none, failures (status 400 and up), or all
 */
public record Observability(String metricsHost, int metricsPort, AccessLog accessLog) {
    /** The access log setting; lines name the route pattern, never ids, tokens or query strings. */
    public enum AccessLog { OFF, ERRORS, ALL }

    public boolean metricsOn() {
        return metricsHost != null;
    }

    static Observability load(BiFunction<String, String, String> value) {
        var addr = value.apply("metrics_addr", "").strip();
        String host = null;
        int port = 0;
        if (!addr.isEmpty()) {
            int colon = addr.lastIndexOf(':');
            if (colon < 0) {
                throw new ConfigLoader.ConfigException("metrics_addr must look like HOST:PORT, e.g. 127.0.0.1:9464, got '" + addr + "'");
            }
            host = addr.substring(0, colon).isEmpty() ? "0.0.0.0" : addr.substring(0, colon);
            try {
                port = Integer.parseInt(addr.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new ConfigLoader.ConfigException("metrics_addr has no valid port: '" + addr + "'");
            }
        }
        var log = value.apply("access_log", "off").strip().toUpperCase(Locale.ROOT);
        AccessLog accessLog;
        try {
            accessLog = AccessLog.valueOf(log);
        } catch (IllegalArgumentException e) {
            throw new ConfigLoader.ConfigException("access_log must be all, errors or off, got '" + log.toLowerCase(Locale.ROOT) + "'");
        }
        return new Observability(host, port, accessLog);
    }
}
