package chat.clickclack.cli;

import picocli.CommandLine.Command;

/** clickclack admin …: manage the instance without the web app. */
@Command(name = "admin",
        description = "Administer the instance: owner bootstrap, workspaces, users, invites, tokens, bots, webhooks, sign-in links, event log.",
        footerHeading = "%nExample:%n", footer = "  clickclack admin workspace list --data ./data",
        subcommands = {
            AdminCommands.Bootstrap.class,
            WorkspaceCommands.class,
            UserCommands.class,
            InviteCommands.class,
            TokenCommands.class,
            BotCommands.class,
            WebhookCommands.class,
            SlashCommandCommands.class,
            SubscriptionCommands.class,
            MagicLinkCommands.class,
            EventCommands.class
        })
public final class AdminCommand extends CommandGroup {
    @picocli.CommandLine.Mixin
    HelpOption help;
}
