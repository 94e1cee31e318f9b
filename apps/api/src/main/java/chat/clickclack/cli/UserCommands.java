package chat.clickclack.cli;

import chat.clickclack.users.Profiles;
import chat.clickclack.workspaces.Workspaces;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** clickclack admin user …. */
@Command(name = "user", description = "Manage users.",
        footerHeading = "%nExample:%n", footer = "  clickclack admin user create --name Ari --email ari@example.com --workspace crustacean-labs",
        subcommands = UserCommands.Create.class)
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
}
