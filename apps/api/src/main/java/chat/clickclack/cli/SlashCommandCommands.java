package chat.clickclack.cli;

import chat.clickclack.callbacks.CallbackGuard;
import chat.clickclack.commands.RegisteredCommands;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** clickclack admin command …. */
@Command(name = "command", description = "Manage registered slash commands (answered by a signed HTTP callback).",
        footerHeading = "%nExample:%n",
        footer = "  SECRET=$(clickclack admin command create --workspace crustacean-labs --trigger claw --url https://bots.example.com/claw)",
        subcommands = SlashCommandCommands.Create.class)
final class SlashCommandCommands extends CommandGroup {
    @Mixin
    HelpOption help;

    @Command(name = "create", description = {
            "Register /TRIGGER in a workspace: the server POSTs each invocation, signed, to URL. Prints the signing "
            + "secret (ccs_…) alone on one line (shown only this once). The URL must be http(s) to a public address "
            + "unless its host is in allowed_callback_hosts."},
            footerHeading = "%nExample:%n",
            footer = {"  SECRET=$(clickclack admin command create --workspace crustacean-labs --trigger claw \\",
                "      --url https://bots.example.com/claw --description 'Ask the claw')"})
    static final class Create implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Option(names = "--workspace", required = true, paramLabel = "WORKSPACE", description = "Workspace id, slug or exact name.")
        String workspace;

        @Option(names = "--trigger", required = true, paramLabel = "TRIGGER", description = "The command without its slash, e.g. claw.")
        String trigger;

        @Option(names = "--url", required = true, paramLabel = "URL", description = "The callback URL (http or https).")
        String url;

        @Option(names = "--description", paramLabel = "TEXT", description = "Shown in the composer's autocomplete and /help.")
        String description;

        @Option(names = "--usage", paramLabel = "HINT", description = "What follows the trigger, e.g. '[question]'.")
        String usage;

        @Override
        public Integer call() {
            var config = storage.load(Map.of());
            var checked = RegisteredCommands.check(new CallbackGuard(config.callbacks().allowedHosts()),
                    new RegisteredCommands.Registration(trigger, url, description, usage));
            var created = AdminCommands.withDatabase(config, db -> db.write(tx -> RegisteredCommands.register(tx,
                    WorkspaceCommands.resolve(tx.connection(), workspace), checked, null)));
            System.err.println("command " + created.command().id() + " /" + created.command().trigger() + " calls "
                    + created.command().url() + "; replies post as bot " + created.command().botId());
            System.out.println(created.secret());
            return 0;
        }
    }
}
