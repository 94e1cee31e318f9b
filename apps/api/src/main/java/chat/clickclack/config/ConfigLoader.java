package chat.clickclack.config;

import chat.clickclack.auth.DevFallback;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges configuration with the precedence flags &gt; environment (CLICKCLACK_*) &gt; config file &gt; defaults.
 * Keys are the same everywhere: flag {@code --data}, env {@code CLICKCLACK_DATA}, file key {@code data}.
 * Bad values fail fast with a message naming the key and where it came from, and so does a config-file key
 * that nothing reads: a typo ({@code pubic_url}) must not be silently ignored.
 */
public final class ConfigLoader {
    public static final String DEFAULT_ADDR = ":8080";
    public static final String DEFAULT_DATA = "./data";
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_REPLAY_WINDOW = 5000;
    public static final int DEFAULT_SUBSCRIBER_BUFFER = 2048;

    /** A configuration problem, reported to the user as one line. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }

    private final Map<String, String> flags;
    private final Map<String, String> env;
    private final Map<String, String> file;
    /** The keys {@link #build} asked for: a file key outside this set is unknown. */
    private final Set<String> known = new TreeSet<>();

    private ConfigLoader(Map<String, String> flags, Map<String, String> env, Map<String, String> file) {
        this.flags = flags;
        this.env = env;
        this.file = file;
    }

    /**
     * @param flags      values given on the command line (absent keys were not given)
     * @param env        the process environment
     * @param configFile a config file from --config, or null (then CLICKCLACK_CONFIG, if set)
     */
    public static Config load(Map<String, String> flags, Map<String, String> env, Path configFile) {
        var path = configFile != null ? configFile
                : env.get("CLICKCLACK_CONFIG") != null ? Path.of(env.get("CLICKCLACK_CONFIG")) : null;
        var loader = new ConfigLoader(flags, env, path == null ? Map.of() : readFile(path));
        var config = loader.build();
        loader.rejectUnknownFileKeys(path);
        return config;
    }

    private void rejectUnknownFileKeys(Path path) {
        for (var key : new TreeSet<>(file.keySet())) {
            if (!known.contains(key)) {
                throw new ConfigException("unknown key '" + key + "' in config file " + path + " (known keys: "
                        + String.join(", ", known) + ")");
            }
        }
    }

    private Config build() {
        var addr = value("addr", DEFAULT_ADDR);
        int colon = addr.lastIndexOf(':');
        if (colon < 0) {
            throw new ConfigException("addr must look like HOST:PORT or :PORT, got '" + addr + "'");
        }
        var host = addr.substring(0, colon);
        int port = integer("addr", addr.substring(colon + 1), 0, 65535);
        var dataDir = Path.of(value("data", DEFAULT_DATA)).toAbsolutePath().normalize();
        var dbUrl = value("db", null);
        var dbFile = dbUrl == null ? dataDir.resolve("clickclack.db") : sqlitePath(dbUrl);
        var dev = switch (value("dev", "auto").toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> DevFallback.Mode.ON;
            case "false", "off", "0", "no" -> DevFallback.Mode.OFF;
            case "auto" -> DevFallback.Mode.UNTIL_BOOTSTRAP;
            default -> throw new ConfigException("dev must be true, false or auto");
        };
        var sync = value("synchronous", "normal").toLowerCase(Locale.ROOT);
        if (!sync.equals("normal") && !sync.equals("full")) {
            throw new ConfigException("synchronous must be normal or full, got '" + sync + "'");
        }
        var shownHost = host.isEmpty() || host.equals("0.0.0.0") ? "localhost" : host;
        var publicUrl = value("public_url", null);
        if (publicUrl != null && !publicUrl.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw new ConfigException("public_url must be an http:// or https:// URL such as https://chat.example.com, got '"
                    + publicUrl + "'");
        }
        var derivedUrl = "http://" + shownHost + ":" + (port == 0 ? 8080 : port);
        return new Config(host, port, dataDir, dbFile, dev, sync, stripSlash(publicUrl == null ? derivedUrl : publicUrl),
                publicUrl != null,
                integer("max_body_bytes", value("max_body_bytes", Long.toString(DEFAULT_MAX_BODY_BYTES)), 1024, Integer.MAX_VALUE),
                integer("replay_window", value("replay_window", Integer.toString(DEFAULT_REPLAY_WINDOW)), 1, 1_000_000),
                integer("subscriber_buffer", value("subscriber_buffer", Integer.toString(DEFAULT_SUBSCRIBER_BUFFER)), 16, 1_000_000),
                HttpHardening.load(this::value),
                // Application limits (rate limits, quotas, caps): their keys are listed in Limits.
                Limits.load(this::value, (key, raw, range) -> integer(key, raw, range[0], range[1])),
                Observability.load(this::value),
                // Sign-in from the browser: email links over SMTP, GitHub OAuth (each off unless configured).
                Smtp.load(this::value),
                GitHubOAuth.load(this::value),
                UploadSettings.load(this::value),
                // Outgoing callbacks: slash commands and event subscriptions.
                Callbacks.load(this::value));
    }

    private String value(String key, String fallback) {
        known.add(key);
        var fromFlag = flags.get(key);
        if (fromFlag != null) {
            return fromFlag;
        }
        var fromEnv = env.get("CLICKCLACK_" + key.toUpperCase(Locale.ROOT));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return file.getOrDefault(key, fallback);
    }

    /** Accepts {@code sqlite://path}, {@code sqlite:path} or a plain path. */
    static Path sqlitePath(String url) {
        if (url.startsWith("postgres")) {
            throw new ConfigException("Postgres is not supported yet; use sqlite://PATH");
        }
        var path = url.startsWith("sqlite://") ? url.substring(9) : url.startsWith("sqlite:") ? url.substring(7) : url;
        if (path.isBlank()) {
            throw new ConfigException("db must be sqlite://PATH");
        }
        return Path.of(path).toAbsolutePath().normalize();
    }

    static int integer(String key, String raw, long min, long max) {
        try {
            long value = Long.parseLong(raw.trim());
            if (value < min || value > max) {
                throw new ConfigException(key + " must be between " + min + " and " + max + ", got " + value);
            }
            return (int) value;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a number, got '" + raw + "'");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Map<String, String> readFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("config file not found: " + path);
        }
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
        }
        var out = new HashMap<String, String>();
        properties.forEach((k, v) -> out.put(k.toString().trim(), v.toString().trim()));
        return out;
    }
}
