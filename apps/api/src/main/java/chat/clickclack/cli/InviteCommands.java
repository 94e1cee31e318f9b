package chat.clickclack.cli;

import chat.clickclack.workspaces.Invites;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** clickclack admin invite …. */
@Command(name = "invite", description = "Manage workspace invites.",
        footerHeading = "%nExample:%n", footer = "  clickclack admin invite create --workspace crustacean-labs",
        subcommands = InviteCommands.Create.class)
final class InviteCommands extends CommandGroup {
    @Mixin
    HelpOption help;

    @Command(name = "create", description = {
            "Create an invite token for a workspace (valid 7 days). Accept it with POST /api/invites/{token}/accept."},
            footerHeading = "%nExample:%n", footer = "  clickclack admin invite create --workspace crustacean-labs")
    static final class Create implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Option(names = "--workspace", required = true, paramLabel = "WORKSPACE", description = "Workspace id, slug or exact name.")
        String workspace;

        @Override
        public Integer call() {
            var token = AdminCommands.withDatabase(storage, db -> {
                var workspaceId = db.read(c -> WorkspaceCommands.resolve(c, workspace));
                return new Invites(db).create(workspaceId, null, Invites.DEFAULT_TTL);
            });
            System.out.println(token);
            return 0;
        }
    }
}
