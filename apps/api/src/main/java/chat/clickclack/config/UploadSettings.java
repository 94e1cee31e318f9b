package chat.clickclack.config;

import java.time.Duration;
import java.util.function.BiFunction;

/**
 * Uploads: the largest file accepted, and how long a file nobody attached to a message is kept.
 *
 * @param maxBytes       {@code max_upload_bytes}: larger files answer 413 and nothing is kept (default 64 MiB)
 * @param unattachedTtl  {@code upload_unattached_ttl_ms}: an upload not attached within this is removed (default a day)
 * @param sweepInterval  {@code upload_sweep_interval_ms}: how often the sweeper looks for those (default 10 minutes)
 */
public record UploadSettings(long maxBytes, Duration unattachedTtl, Duration sweepInterval) {
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final long DEFAULT_UNATTACHED_TTL_MS = 24L * 60 * 60 * 1000;
    public static final long DEFAULT_SWEEP_INTERVAL_MS = 10L * 60 * 1000;

    static UploadSettings load(BiFunction<String, String, String> value) {
        return new UploadSettings(
                ConfigLoader.integer("max_upload_bytes", value.apply("max_upload_bytes", Long.toString(DEFAULT_MAX_BYTES)),
                        1024, Integer.MAX_VALUE),
                Duration.ofMillis(ConfigLoader.integer("upload_unattached_ttl_ms",
                        value.apply("upload_unattached_ttl_ms", Long.toString(DEFAULT_UNATTACHED_TTL_MS)), 1, Integer.MAX_VALUE)),
                Duration.ofMillis(ConfigLoader.integer("upload_sweep_interval_ms",
                        value.apply("upload_sweep_interval_ms", Long.toString(DEFAULT_SWEEP_INTERVAL_MS)), 50, Integer.MAX_VALUE)));
    }
}
