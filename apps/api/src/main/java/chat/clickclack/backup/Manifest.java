package chat.clickclack.backup;

import java.util.List;

/**
 * {@code manifest.json}, the first entry of a backup archive: what the archive is, when it was taken, the
 * schema it holds, and every other entry with its size and SHA-256, so a restore can refuse a truncated or
 * altered archive before it writes anything.
 */
public record Manifest(String format, int version, String createdAt, String schemaVersion, List<Entry> files) {
    public static final String FORMAT = "clickclack-backup";
    public static final int VERSION = 1;
    public static final String NAME = "manifest.json";
    /** The database inside the archive; uploads keep their paths under {@code uploads/}. */
    public static final String DATABASE = "clickclack.db";

    /** One archived file. */
    public record Entry(String path, long bytes, String sha256) {}
}
