package chat.clickclack.cli;

import chat.clickclack.bots.Bots;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** clickclack admin bot …. */
@Command(name = "bot", description = "Manage bot accounts.",
        footerHeading = "%nExample:%n", footer = "  BOT_TOKEN=$(clickclack admin bot create --workspace crustacean-labs --name Clawbot)",
        subcommands = BotCommands.Create.class)
final class BotCommands extends CommandGroup {
    @Mixin
    HelpOption help;

    @Command(name = "create", description = {
            "Create a bot account in a workspace and its first token; prints the token (ccb_…) alone on one line "
            + "(it is shown only this once) and the bot's id and handle on stderr."},
            footerHeading = "%nExample:%n",
            footer = "  BOT_TOKEN=$(clickclack admin bot create --workspace crustacean-labs --name Clawbot --scope messages:read --scope messages:write)")
    static final class Create implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Option(names = "--workspace", required = true, paramLabel = "WORKSPACE", description = "Workspace id, slug or exact name.")
        String workspace;

        @Option(names = "--name", required = true, description = "The bot's display name.")
        String name;

        @Option(names = "--handle", description = "The bot's @handle (default: derived from the name).")
        String handle;

        @Option(names = "--scope", paramLabel = "SCOPE", description = {
                "A scope of the token; repeat for several (default: channels:read, messages:read, messages:write, "
                + "realtime:read)."})
        List<String> scopes;

        @Override
        public Integer call() {
            var wanted = Bots.requireScopes(scopes);
            var created = AdminCommands.withDatabase(storage, db -> db.write(tx -> {
                var workspaceId = WorkspaceCommands.resolve(tx.connection(), workspace);
                return Bots.create(tx, workspaceId, null, name, handle, wanted);
            }));
            System.err.println("bot " + created.bot().id() + " @" + created.bot().handle());
            System.out.println(created.botToken().token());
            return 0;
        }
    }
}
