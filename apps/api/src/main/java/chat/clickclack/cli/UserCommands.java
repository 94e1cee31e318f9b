package chat.clickclack.cli;

import chat.clickclack.auth.Accounts;
import chat.clickclack.users.Profiles;
import chat.clickclack.workspaces.Workspaces;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** clickclack admin user …. */
@Command(name = "user", description = "Manage users.",
        footerHeading = "%nExample:%n", footer = "  clickclack admin user create --name Ari --email ari@example.com --workspace crustacean-labs",
        subcommands = {UserCommands.Create.class, UserCommands.ListUsers.class, UserCommands.Disable.class,
                UserCommands.Enable.class})
final class UserCommands extends CommandGroup {
    @Mixin
    HelpOption help;

    @Command(name = "create", description = {
            "Create a user (or find the one with this email), optionally adding them to a workspace. Prints the user id."},
            footerHeading = "%nExample:%n", footer = "  clickclack admin user create --name Ari --email ari@example.com --workspace \"Crustacean Labs\"")
    static final class Create implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Option(names = "--name", required = true, description = "Display name.")
        String name;

        @Option(names = "--email", required = true, description = "Email (sign-in identity).")
        String email;

        @Option(names = "--workspace", paramLabel = "WORKSPACE", description = "Workspace to join as a member: id, slug or exact name.")
        String workspace;

        @Override
        public Integer call() {
            var userId = AdminCommands.withDatabase(storage, db -> db.write(tx -> {
                var workspaceId = workspace == null ? null : WorkspaceCommands.resolve(tx.connection(), workspace);
                var user = Profiles.findOrCreate(tx.connection(), name, email);
                if (workspaceId != null) {
                    Workspaces.join(tx, workspaceId, user.id(), "member");
                }
                return user.id();
            }));
            System.out.println(userId);
            return 0;
        }
    }

    @Command(name = "list", description = {
            "List every user, one per line: id, email (or -), @handle, status (active or disabled), kind, display name;"
                    + " tab-separated."},
            footerHeading = "%nExample:%n", footer = "  clickclack admin user list")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Override
        public Integer call() {
            for (var u : AdminCommands.withDatabase(storage, db -> db.read(Accounts::list))) {
                System.out.println(String.join("\t", u.id(), u.email() == null ? "-" : u.email(), "@" + u.handle(),
                        u.disabledAt() == null ? "active" : "disabled", u.kind(), u.displayName()));
            }
            return 0;
        }
    }

    @Command(name = "disable", description = {
            "Disable a user: revoke every session and token of theirs, close their open sockets (within a second on a"
                    + " running server) and refuse their sign-ins from now on. Their messages stay. Prints the user id."},
            footerHeading = "%nExample:%n", footer = "  clickclack admin user disable --email ari@example.com")
    static final class Disable implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Option(names = "--email", required = true, description = "The user's email.")
        String email;

        @Override
        public Integer call() {
            var result = AdminCommands.withDatabase(storage, db -> db.write(tx -> {
                var user = AdminCommands.userByEmail(tx.connection(), email);
                return user.id() + "\t" + Accounts.disable(tx, user.id()).size();
            }));
            var parts = result.split("\t");
            System.out.println(parts[0]);
            System.err.println("disabled; " + parts[1] + " session(s) and token(s) revoked");
            return 0;
        }
    }

    @Command(name = "enable", description = {"Let a disabled user sign in again (their old sessions stay revoked)."},
            footerHeading = "%nExample:%n", footer = "  clickclack admin user enable --email ari@example.com")
    static final class Enable implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Option(names = "--email", required = true, description = "The user's email.")
        String email;

        @Override
        public Integer call() {
            var userId = AdminCommands.withDatabase(storage, db -> db.write(tx -> {
                var user = AdminCommands.userByEmail(tx.connection(), email);
                Accounts.enable(tx, user.id());
                return user.id();
            }));
            System.out.println(userId);
            return 0;
        }
    }
}
