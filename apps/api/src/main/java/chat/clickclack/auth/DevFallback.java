package chat.clickclack.auth;

import chat.clickclack.db.Database;
import chat.clickclack.db.Settings;
import chat.clickclack.users.Profiles;
import chat.clickclack.workspaces.WorkspaceStore;
import chat.clickclack.workspaces.Workspaces;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The development fallback: requests without credentials act as a default local user.
 *
 * <p>Security: it is on only in dev mode ({@code --dev}) or while no owner has been bootstrapped, and
 * even then only for requests that provably come from this machine: a loopback peer address, a Host
 * header naming loopback (which defeats DNS rebinding from a web page), and no forwarding headers (a
 * reverse proxy on the same host would otherwise make every remote visitor look local). Writes from a
 * browser page of another origin are refused by {@link AccessFilter}.
 */
public final class DevFallback {
    public enum Mode { ON, OFF, UNTIL_BOOTSTRAP }

    private static final List<String> FORWARDING_HEADERS =
            List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP");
    private static final List<String> LOOPBACK_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");

    private final Database db;
    private final Mode mode;
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private volatile String userId;
    private volatile boolean bootstrapped;
    private volatile long checkedAt;

    public DevFallback(Database db, Mode mode) {
        this.db = db;
        this.mode = mode;
    }

    /** True while the fallback may be used (re-read each time: `admin bootstrap` may run beside the server). */
    public boolean enabled() {
        return switch (mode) {
            case ON -> true;
            case OFF -> false;
            case UNTIL_BOOTSTRAP -> !bootstrapped();
        };
    }

    /** Bootstrap is one-way, so once seen it is remembered; before that it is re-read at most once a second. */
    private boolean bootstrapped() {
        long now = System.nanoTime();
        if (!bootstrapped && now - checkedAt > RECHECK_NANOS) {
            bootstrapped = db.read(c -> Settings.get(c, Settings.BOOTSTRAPPED_AT).isPresent());
            checkedAt = now;
        }
        return bootstrapped;
    }

    /** The dev user, created on first use with a workspace and #general. */
    public String userId() {
        var id = userId;
        if (id == null) {
            synchronized (this) {
                if (userId == null) {
                    userId = ensureDevUser();
                }
                id = userId;
            }
        }
        return id;
    }

    public boolean appliesTo(Context ctx) {
        return isLocal(ctx.req().getRemoteAddr(), ctx.header("Host"), FORWARDING_HEADERS.stream().anyMatch(h -> ctx.header(h) != null))
                && enabled();
    }

    static boolean isLocal(String remoteAddress, String hostHeader, boolean forwarded) {
        if (forwarded || remoteAddress == null || hostHeader == null) {
            return false;
        }
        try {
            if (!InetAddress.getByName(remoteAddress).isLoopbackAddress()) {
                return false;
            }
        } catch (UnknownHostException e) {
            return false;
        }
        var host = hostHeader.toLowerCase(Locale.ROOT);
        var withoutPort = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.split(":")[0];
        return LOOPBACK_HOSTS.contains(withoutPort);
    }

    private String ensureDevUser() {
        return db.write(tx -> {
            var c = tx.connection();
            var existing = Settings.get(c, Settings.DEV_USER_ID);
            if (existing.isPresent()) {
                return existing.get();
            }
            var user = Profiles.findOrCreate(c, "Dev Lobster", "dev@localhost");
            Settings.put(c, Settings.DEV_USER_ID, user.id());
            if (WorkspaceStore.listForMember(c, user.id()).isEmpty()) {
                Workspaces.create(tx, user.id(), "Dev Reef", null);
            }
            return user.id();
        });
    }

    /** Ensures the dev user exists now, so the first page load is not the one paying for it. */
    public void prepare() {
        if (mode != Mode.OFF && enabled()) {
            userId();
        }
    }
}
