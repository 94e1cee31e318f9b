package chat.clickclack.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code admin}, {@code admin user}, …). Run without one, it is a
 * usage mistake: one line naming the choices, exit code 2, like every other usage error.
 */
abstract class CommandGroup implements Callable<Integer> {
    static final int USAGE_ERROR = 2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var name = spec.qualifiedName();
        spec.commandLine().getErr().println("error: '" + name + "' needs a subcommand: "
                + String.join(", ", spec.subcommands().keySet()) + " (see '" + name + " --help')");
        return USAGE_ERROR;
    }
}
