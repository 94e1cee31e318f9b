package chat.clickclack.cli;

import chat.clickclack.config.Config;
import chat.clickclack.db.Database;
import chat.clickclack.db.Settings;
import chat.clickclack.http.ApiException;
import chat.clickclack.ids.Times;
import chat.clickclack.users.Profiles;
import chat.clickclack.users.User;
import chat.clickclack.users.UserStore;
import chat.clickclack.workspaces.WorkspaceStore;
import chat.clickclack.workspaces.Workspaces;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The admin subcommands. Each opens the database next to a possibly running server (WAL and the busy
 * timeout make that safe; the server's hub picks up the events they write) and prints only its result
 * on stdout, so scripts can capture it: {@code TOKEN=$(clickclack admin token create --email …)}; notes
 * for the person at the terminal go to stderr.
 */
final class AdminCommands {
    private AdminCommands() {}

    static <T> T withDatabase(StorageOptions storage, Function<Database, T> work) {
        return withDatabase(storage.load(Map.of()), work);
    }

    static <T> T withDatabase(Config config, Function<Database, T> work) {
        try {
            Files.createDirectories(config.databaseFile().getParent());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot create " + config.databaseFile().getParent());
        }
        try (var db = Database.open(config.databaseFile(), config.synchronous(), events -> {})) {
            return work.apply(db);
        }
    }

    /** The user an operator named by email, or a clear "not found". */
    static User userByEmail(Connection c, String email) throws SQLException {
        return UserStore.byEmail(c, Profiles.requireEmail(email))
                .orElseThrow(() -> new ApiException.NotFound("user with email " + email));
    }

    @Command(name = "bootstrap", description = {
            "Create the first owner, their workspace and #general (idempotent); turns the dev fallback off. "
            + "Prints the owner's user id on stdout and the workspace on stderr."},
            footerHeading = "%nExample:%n", footer = "  clickclack admin bootstrap --name Peter --email peter@example.com --workspace \"Crustacean Labs\"")
    static final class Bootstrap implements Callable<Integer> {
        record Result(String userId, WorkspaceStore.Listing workspace) {}

        @Mixin
        HelpOption help;

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
            var result = withDatabase(storage, db -> db.write(tx -> {
                var c = tx.connection();
                var owner = Settings.get(c, "owner_id");
                var user = Profiles.findOrCreate(c, name, email);
                if (owner.isPresent() && !owner.get().equals(user.id())) {
                    throw new ApiException.Conflict("already bootstrapped with another owner (" + owner.get() + ")");
                }
                var owned = WorkspaceStore.listForMember(c, user.id()).stream().filter(w -> w.role().equals("owner")).findFirst();
                var workspaceId = owned.isPresent() || owner.isPresent()
                        ? owned.map(w -> w.id()).orElse(null)
                        : Workspaces.create(tx, user.id(), Workspaces.requireWorkspaceName(workspace), null).workspace().id();
                if (owner.isEmpty()) {
                    Settings.put(c, "owner_id", user.id());
                    Settings.put(c, Settings.BOOTSTRAPPED_AT, Times.now());
                }
                var listing = WorkspaceStore.listAll(c).stream().filter(w -> w.id().equals(workspaceId)).findFirst();
                return new Result(user.id(), listing.orElse(null));
            }));
            System.out.println(result.userId());
            if (result.workspace() != null) {
                var w = result.workspace();
                System.err.println("workspace " + w.id() + " \"" + w.name() + "\" (slug " + w.slug()
                        + "): pass any of these as --workspace");
            }
            return 0;
        }
    }
}
