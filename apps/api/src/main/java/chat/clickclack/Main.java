package chat.clickclack;

import chat.clickclack.cli.AdminCommand;
import chat.clickclack.cli.BackupCommand;
import chat.clickclack.cli.RestoreCommand;
import chat.clickclack.cli.ExportCommand;
import chat.clickclack.cli.ImportCommand;
import chat.clickclack.cli.AotTrainingCommand;
import chat.clickclack.cli.MigrateCommand;
import chat.clickclack.cli.ServeCommand;
import chat.clickclack.cli.VersionCommand;
import chat.clickclack.client.ChannelsCommand;
import chat.clickclack.client.ClientException;
import chat.clickclack.client.DmCommand;
import chat.clickclack.client.LoginCommand;
import chat.clickclack.client.LogoutCommand;
import chat.clickclack.client.ReactCommand;
import chat.clickclack.client.ReplyCommand;
import chat.clickclack.client.SearchCommand;
import chat.clickclack.client.SendCommand;
import chat.clickclack.client.TailCommand;
import chat.clickclack.client.ThreadCommand;
import chat.clickclack.client.UploadCommand;
import chat.clickclack.config.ConfigLoader;
import chat.clickclack.http.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The clickclack executable: the server, its admin CLI and the chat client commands. */
@Command(
        name = "clickclack",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "ClickClack: a self-hostable team chat server. Tiny chat. Big claws.")
public final class Main implements java.util.concurrent.Callable<Integer> {
    /**
     * The subcommands, in the order help lists them. Picocli builds the model of every registered command up
     * front (reflection over all their annotations, ~15 % of a cold start's main-thread time for the admin
     * tree), so {@link #run} registers only the one a command line names, and all of them otherwise (no
     * command, help, a typo: usage and suggestions need them all).
     */
    private static final Map<String, Class<?>> COMMANDS = commands();

    /*
     * Classes, not constructor references: a lambda that names a picocli class (compiled for Java 5, so the JDK
     * cannot put it in an AOT cache) crashes the JDK 25.0.3 AOT cache assembly (archiveHeapWriter.cpp:757).
     */
    private static Map<String, Class<?>> commands() {
        var commands = new LinkedHashMap<String, Class<?>>();
        commands.put("serve", ServeCommand.class);
        commands.put("migrate", MigrateCommand.class);
        commands.put("admin", AdminCommand.class);
        commands.put("backup", BackupCommand.class);
        commands.put("restore", RestoreCommand.class);
        commands.put("export", ExportCommand.class);
        commands.put("import", ImportCommand.class);
        // The chat client (package client): talks to a server over its API, as a person, bot or CI job.
        commands.put("login", LoginCommand.class);
        commands.put("logout", LogoutCommand.class);
        commands.put("channels", ChannelsCommand.class);
        commands.put("send", SendCommand.class);
        commands.put("reply", ReplyCommand.class);
        commands.put("thread", ThreadCommand.class);
        commands.put("tail", TailCommand.class);
        commands.put("search", SearchCommand.class);
        commands.put("dm", DmCommand.class);
        commands.put("react", ReactCommand.class);
        commands.put("upload", UploadCommand.class);
        commands.put("version", VersionCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        commands.put("aot-training", AotTrainingCommand.class);
        return commands;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this directly). */
    public static int run(String... args) {
        var cli = new CommandLine(new Main());
        var named = args.length > 0 && !args[0].equals("help") ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(args[0], named);
        } else {
            for (var command : COMMANDS.entrySet()) {
                cli.addSubcommand(command.getKey(), command.getValue());
            }
        }
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + describe(e));
            // Chat commands end with documented codes: 1 error, 2 usage, 3 auth, 4 not found.
            return e instanceof ClientException client ? client.exitCode() : 1;
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
        if (e instanceof ApiException || e instanceof ConfigLoader.ConfigException || e instanceof IllegalArgumentException
                || e instanceof ClientException) {
            return e.getMessage();
        }
        var cause = e.getCause();
        return e.getMessage() + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : "");
    }

    /** No command: the usage, on stderr, as a usage mistake (exit 2) like every command group without a subcommand. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
