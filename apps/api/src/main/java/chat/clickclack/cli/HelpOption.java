package chat.clickclack.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} for every subcommand. Only the top-level command also takes {@code -V, --version}:
 * picocli's standard mixin would list it on every subcommand, where it says nothing new.
 */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
