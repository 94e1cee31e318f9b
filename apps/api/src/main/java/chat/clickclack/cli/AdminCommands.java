package chat.clickclack.cli;

import chat.clickclack.auth.MagicLinks;
import chat.clickclack.auth.SessionStore;
import chat.clickclack.config.Config;
import chat.clickclack.db.Database;
import chat.clickclack.db.Settings;
import chat.clickclack.events.EventRetention;
import chat.clickclack.http.ApiException;
import chat.clickclack.ids.Times;
import chat.clickclack.users.Profiles;
import chat.clickclack.users.UserStore;
import chat.clickclack.workspaces.Invites;
import chat.clickclack.workspaces.WorkspaceStore;
import chat.clickclack.workspaces.Workspaces;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The admin subcommands. Each opens the database next to a possibly running server (WAL and the busy
 * timeout make that safe; the server's hub picks up the events they write) and prints only its result
 * on stdout, so scripts can capture it: {@code TOKEN=$(clickclack admin token create --email …)}.
 */
final class AdminCommands {
    private AdminCommands() {}

    static <T> T withDatabase(StorageOptions storage, Function<Database, T> work) {
        Config config = storage.load(Map.of());
        try {
            Files.createDirectories(config.databaseFile().getParent());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot create " + config.databaseFile().getParent());
        }
        try (var db = Database.open(config.databaseFile(), config.synchronous(), events -> {})) {
            return work.apply(db);
        }
    }

    @Command(name = "bootstrap", mixinStandardHelpOptions = true,
            description = "Create the first owner, their workspace and #general (idempotent); turns the dev fallback off. Prints the owner's user id.")
    static final class Bootstrap implements Callable<Integer> {
        @Mixin
        StorageOptions storage;

        @Option(names = "--name", required = true, description = "Owner's display name.")
        String name;

        @Option(names = "--email", required = true, description = "Owner's email (their sign-in identity).")
        String email;

        @Option(names = "--workspace", defaultValue = "ClickClack", description = "Name of the first workspace (default: ${DEFAULT-VALUE}).")
        String workspace;

        @Override
        public Integer call() {
            var userId = withDatabase(storage, db -> db.write(tx -> {
                var c = tx.connection();
                var owner = Settings.get(c, "owner_id");
                var user = Profiles.findOrCreate(c, name, email);
                if (owner.isPresent() && !owner.get().equals(user.id())) {
                    throw new ApiException.Conflict("already bootstrapped with another owner (" + owner.get() + ")");
                }
                if (owner.isEmpty()) {
                    boolean ownsOne = WorkspaceStore.listForMember(c, user.id()).stream().anyMatch(w -> w.role().equals("owner"));
                    if (!ownsOne) {
                        Workspaces.create(tx, user.id(), Workspaces.requireWorkspaceName(workspace), null);
                    }
                    Settings.put(c, "owner_id", user.id());
                    Settings.put(c, Settings.BOOTSTRAPPED_AT, Times.now());
                }
                return user.id();
            }));
            System.out.println(userId);
            return 0;
        }
    }

    @Command(name = "user", mixinStandardHelpOptions = true, description = "Manage users.",
            subcommands = Users.Create.class)
    static final class Users implements Runnable {
        @Override
        public void run() {
            System.out.println("usage: clickclack admin user create --name NAME --email EMAIL [--workspace ID]");
        }

        @Command(name = "create", mixinStandardHelpOptions = true,
                description = "Create a user (or find the one with this email), optionally adding them to a workspace. Prints the user id.")
        static final class Create implements Callable<Integer> {
            @Mixin
            StorageOptions storage;

            @Option(names = "--name", required = true, description = "Display name.")
            String name;

            @Option(names = "--email", required = true, description = "Email (sign-in identity).")
            String email;

            @Option(names = "--workspace", paramLabel = "ID", description = "Workspace to join as a member.")
            String workspace;

            @Override
            public Integer call() {
                var userId = withDatabase(storage, db -> db.write(tx -> {
                    var user = Profiles.findOrCreate(tx.connection(), name, email);
                    if (workspace != null) {
                        if (!WorkspaceStore.exists(tx.connection(), workspace)) {
                            throw new ApiException.NotFound("workspace " + workspace);
                        }
                        Workspaces.join(tx, workspace, user.id(), "member");
                    }
                    return user.id();
                }));
                System.out.println(userId);
                return 0;
            }
        }
    }

    @Command(name = "invite", mixinStandardHelpOptions = true, description = "Manage workspace invites.",
            subcommands = InviteCommands.Create.class)
    static final class InviteCommands implements Runnable {
        @Override
        public void run() {
            System.out.println("usage: clickclack admin invite create --workspace ID");
        }

        @Command(name = "create", mixinStandardHelpOptions = true,
                description = "Create an invite token for a workspace (valid 7 days). Accept it with POST /api/invites/{token}/accept.")
        static final class Create implements Callable<Integer> {
            @Mixin
            StorageOptions storage;

            @Option(names = "--workspace", required = true, paramLabel = "ID", description = "Workspace id (wsp_…).")
            String workspace;

            @Override
            public Integer call() {
                var token = withDatabase(storage, db -> new Invites(db).create(workspace, null, Invites.DEFAULT_TTL));
                System.out.println(token);
                return 0;
            }
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Manage bearer tokens.",
            subcommands = Tokens.Create.class)
    static final class Tokens implements Runnable {
        @Override
        public void run() {
            System.out.println("usage: clickclack admin token create --email EMAIL");
        }

        @Command(name = "create", mixinStandardHelpOptions = true,
                description = "Create a bearer token for the user with this email; prints it alone on one line.")
        static final class Create implements Callable<Integer> {
            @Mixin
            StorageOptions storage;

            @Option(names = "--email", required = true, description = "The user's email.")
            String email;

            @Override
            public Integer call() {
                var token = withDatabase(storage, db -> db.write(tx -> {
                    var user = UserStore.byEmail(tx.connection(), Profiles.requireEmail(email))
                            .orElseThrow(() -> new ApiException.NotFound("user with email " + email));
                    return SessionStore.issue(tx, user.id(), "bearer", null).token();
                }));
                System.out.println(token);
                return 0;
            }
        }
    }

    @Command(name = "magic-link", mixinStandardHelpOptions = true, description = "Sign-in links.",
            subcommands = MagicLink.Create.class)
    static final class MagicLink implements Runnable {
        @Override
        public void run() {
            System.out.println("usage: clickclack admin magic-link create --email EMAIL [--url]");
        }

        @Command(name = "create", mixinStandardHelpOptions = true,
                description = "Create a one-time sign-in token (valid 15 minutes) and print it alone on one line; the sign-in URL goes to stderr, or to stdout instead of the token with --url.")
        static final class Create implements Callable<Integer> {
            @Mixin
            StorageOptions storage;

            @Option(names = "--email", required = true, description = "The user's email.")
            String email;

            @Option(names = "--url", description = "Print the sign-in URL instead of the bare token.")
            boolean url;

            @Override
            public Integer call() {
                var config = storage.load(Map.of());
                var token = withDatabase(storage, db -> db.write(tx -> {
                    var user = UserStore.byEmail(tx.connection(), Profiles.requireEmail(email))
                            .orElseThrow(() -> new ApiException.NotFound("user with email " + email));
                    return MagicLinks.issue(tx, user.id());
                }));
                var link = config.publicUrl() + "/app/login?token=" + token;
                if (url) {
                    System.out.println(link);
                } else {
                    System.out.println(token);
                    System.err.println("sign-in link (valid 15 minutes): " + link);
                }
                return 0;
            }
        }
    }

    @Command(name = "events", mixinStandardHelpOptions = true, description = "Maintain the event log.",
            subcommands = EventsCommands.Prune.class)
    static final class EventsCommands implements Runnable {
        @Override
        public void run() {
            System.out.println("usage: clickclack admin events prune --older-than 30d");
        }

        @Command(name = "prune", mixinStandardHelpOptions = true,
                description = "Delete events older than a duration (e.g. 30d, 12h, 0s). Messages stay; clients with older cursors resync.")
        static final class Prune implements Callable<Integer> {
            @Mixin
            StorageOptions storage;

            @Option(names = "--older-than", required = true, paramLabel = "DURATION", description = "Age such as 30d, 12h or 45m.")
            String olderThan;

            @Override
            public Integer call() {
                var age = parseDuration(olderThan);
                var pruned = withDatabase(storage, db -> EventRetention.pruneBefore(db, Instant.now().minus(age)));
                System.out.println("pruned " + pruned.deleted() + " event(s); cursors at or below " + pruned.floor()
                        + " now require a resync");
                return 0;
            }
        }
    }

    static Duration parseDuration(String text) {
        var m = java.util.regex.Pattern.compile("^(\\d+)([smhd])$").matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("duration must look like 30d, 12h, 45m or 10s, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
