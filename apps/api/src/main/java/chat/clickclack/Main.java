package chat.clickclack;

import chat.clickclack.cli.AdminCommand;
import chat.clickclack.cli.AotTrainingCommand;
import chat.clickclack.cli.MigrateCommand;
import chat.clickclack.cli.ServeCommand;
import chat.clickclack.cli.VersionCommand;
import chat.clickclack.config.ConfigLoader;
import chat.clickclack.http.ApiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The clickclack executable: the server and its admin CLI. */
@Command(
        name = "clickclack",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "ClickClack: a self-hostable team chat server. Tiny chat. Big claws.",
        subcommands = {ServeCommand.class, MigrateCommand.class, AdminCommand.class, VersionCommand.class,
                CommandLine.HelpCommand.class, AotTrainingCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this directly). */
    public static int run(String... args) {
        var cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + describe(e));
            return 1;
        });
        // A usage mistake is one line naming the fix, not a screen of usage text.
        cli.setParameterExceptionHandler((e, arguments) -> {
            var command = e.getCommandLine().getCommandSpec().qualifiedName();
            e.getCommandLine().getErr().println("error: " + e.getMessage() + " (see '" + command + " --help')");
            return 2;
        });
        return cli.execute(args);
    }

    private static String describe(Exception e) {
        if (e instanceof ApiException || e instanceof ConfigLoader.ConfigException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        var cause = e.getCause();
        return e.getMessage() + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : "");
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
