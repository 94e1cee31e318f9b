package chat.clickclack.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Outgoing callbacks (registered slash commands, event subscriptions).
 *
 * @param allowedHosts   hosts (as written in URLs) allowed past the callback safety rules, e.g. internal services
 * @param firstRetry     the wait after a delivery's first failure; it doubles after each further failure
 * @param maxRetry       the longest wait between two attempts
 * @param pauseAfter     a subscription failing without a success for this long is paused
 */
public record Callbacks(List<String> allowedHosts, Duration firstRetry, Duration maxRetry, Duration pauseAfter) {
    public static final int DEFAULT_FIRST_RETRY_MS = 1_000;
    public static final int DEFAULT_MAX_RETRY_MS = 300_000;
    public static final int DEFAULT_PAUSE_AFTER_MS = 86_400_000;

    static Callbacks load(BiFunction<String, String, String> value) {
        var hosts = Arrays.stream(value.apply("allowed_callback_hosts", "").split("[,\\s]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        for (var host : hosts) {
            if (host.contains("/") || host.contains("://")) {
                throw new ConfigLoader.ConfigException("allowed_callback_hosts: '" + host
                        + "' must be a host name or IP address (no scheme, port or path)");
            }
        }
        var first = millis(value, "event_delivery_first_retry_ms", DEFAULT_FIRST_RETRY_MS);
        var max = millis(value, "event_delivery_max_retry_ms", DEFAULT_MAX_RETRY_MS);
        if (max.compareTo(first) < 0) {
            throw new ConfigLoader.ConfigException("event_delivery_max_retry_ms must be at least event_delivery_first_retry_ms");
        }
        return new Callbacks(hosts, first, max, millis(value, "event_delivery_pause_after_ms", DEFAULT_PAUSE_AFTER_MS));
    }

    private static Duration millis(BiFunction<String, String, String> value, String key, int fallback) {
        return Duration.ofMillis(ConfigLoader.integer(key, value.apply(key, Integer.toString(fallback)), 10, Integer.MAX_VALUE));
    }
}
