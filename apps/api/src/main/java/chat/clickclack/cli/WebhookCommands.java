package chat.clickclack.cli;

import chat.clickclack.webhooks.Webhooks;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** clickclack admin webhook …. */
@Command(name = "webhook", description = "Manage incoming webhooks (Mattermost-shaped).",
        footerHeading = "%nExample:%n", footer = "  KEY=$(clickclack admin webhook create --channel chn_… --name CI)",
        subcommands = WebhookCommands.Create.class)
final class WebhookCommands extends CommandGroup {
    @Mixin
    HelpOption help;

    @Command(name = "create", description = {
            "Create an incoming webhook that posts into a channel as a bot named after it. Prints its key alone "
            + "on one line (shown only this once); scripts POST Mattermost payloads to /hooks/KEY."},
            footerHeading = "%nExample:%n",
            footer = {"  KEY=$(clickclack admin webhook create --channel chn_… --name CI)",
                "  curl -d '{\"text\": \"deploy ok\"}' http://127.0.0.1:8080/hooks/$KEY"})
    static final class Create implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Option(names = "--channel", required = true, paramLabel = "CHANNEL_ID", description = "The channel it posts to.")
        String channel;

        @Option(names = "--name", description = "The webhook's (and its bot's) name (default: Incoming webhook).")
        String name;

        @Override
        public Integer call() {
            var hook = AdminCommands.withDatabase(storage, db -> db.write(tx -> Webhooks.create(tx, channel, name, null)));
            System.err.println("webhook " + hook.id() + " posts to " + hook.channelId() + " as bot " + hook.botId()
                    + "; POST to /hooks/KEY");
            System.out.println(hook.key());
            return 0;
        }
    }
}
