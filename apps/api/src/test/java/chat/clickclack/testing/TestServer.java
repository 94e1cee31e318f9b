package chat.clickclack.testing;

import chat.clickclack.App;
import chat.clickclack.realtime.Presence;
import chat.clickclack.auth.SessionStore;
import chat.clickclack.config.Config;
import chat.clickclack.config.ConfigLoader;
import chat.clickclack.config.Limits;
import chat.clickclack.events.EventStore;
import chat.clickclack.users.Profiles;
import chat.clickclack.workspaces.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real ClickClack server for one test class: real SQLite in a temp directory, a random port,
 * the dev fallback on (so a no-credentials loopback request acts as the dev user) unless told otherwise.
 */
public final class TestServer implements AutoCloseable {
    /** A user of the running server with a bearer token. */
    public record User(String id, String email, String token, Api api) {}

    private static final AtomicInteger USERS = new AtomicInteger();

    private final Path dataDir;
    private final App app;
    private final String url;
    private final Map<String, String> settings;

    private TestServer(Path dataDir, App app, Map<String, String> settings) {
        this.dataDir = dataDir;
        this.app = app;
        this.url = "http://127.0.0.1:" + app.port();
        this.settings = settings;
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** Starts a server; {@code settings} are config keys such as dev, replay_window, subscriber_buffer. */
    public static TestServer start(Map<String, String> settings) {
        try {
            return startIn(Files.createTempDirectory("clickclack-test"), settings);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops this server gracefully and starts a new one on the same data directory and settings (on a new
     * port: callers make new {@link Api}s with {@link #bearer}). This instance must not be used afterwards.
     */
    public TestServer restart() {
        app.close();
        return startIn(dataDir, settings);
    }

    private static TestServer startIn(Path dir, Map<String, String> settings) {
        var flags = new HashMap<String, String>();
        flags.put("addr", "127.0.0.1:0");
        flags.put("data", dir.toString());
        flags.put("dev", "true");
        // Tests post and sign in far faster than people do; the rate limit tests set their own limits.
        Limits.RATE_KEYS.values().forEach(key -> flags.put(key[0], "off"));
        flags.putAll(settings);
        // Presence timing is not configuration a server operator has: the test server sets it directly.
        flags.remove("presence_grace_ms");
        flags.remove("presence_away_ms");
        Config config = ConfigLoader.load(flags, Map.of(), null);
        var presence = new Presence.Timing(Long.parseLong(settings.getOrDefault("presence_grace_ms", "300")),
                Long.parseLong(settings.getOrDefault("presence_away_ms", "300000")));
        return new TestServer(dir, App.start(config, presence), Map.copyOf(settings));
    }

    public String url() {
        return url;
    }

    public App app() {
        return app;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A caller without credentials (from loopback: the dev user while the dev fallback is on). */
    public Api anonymous() {
        return new Api(url, Map.of());
    }

    /** A caller with a bearer token issued before (for example one in a restored database). */
    public Api bearer(String token) {
        return new Api(url, Map.of("Authorization", "Bearer " + token));
    }

    /** A new user with a bearer token (no workspace). */
    public User newUser(String name) {
        var n = USERS.incrementAndGet();
        var email = name.toLowerCase().replace(' ', '.') + n + "@example.com";
        var token = app.database().write(tx -> {
            var user = Profiles.findOrCreate(tx.connection(), name, email);
            return user.id() + " " + SessionStore.issue(tx, user.id(), "bearer", null).token();
        });
        var parts = token.split(" ");
        return new User(parts[0], email, parts[1], new Api(url, Map.of("Authorization", "Bearer " + parts[1])));
    }

    /** Adds a user to a workspace with a role, as an admin would (writes member.joined). */
    public void join(String workspaceId, User user, String role) {
        app.database().write(tx -> Workspaces.join(tx, workspaceId, user.id(), role));
    }

    /** The newest cursor in the event log. */
    public long tailCursor() {
        return app.database().read(EventStore::tail);
    }

    @Override
    public void close() {
        app.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files; the OS cleans up what we could not
        }
    }
}
