package chat.clickclack.cli;

import picocli.CommandLine.Command;

/** clickclack admin …: manage the instance without the web app. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Administer the instance: owner bootstrap, users, invites, tokens, sign-in links, event log.",
        subcommands = {
            AdminCommands.Bootstrap.class,
            AdminCommands.Users.class,
            AdminCommands.InviteCommands.class,
            AdminCommands.Tokens.class,
            AdminCommands.MagicLink.class,
            AdminCommands.EventsCommands.class
        })
public final class AdminCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
