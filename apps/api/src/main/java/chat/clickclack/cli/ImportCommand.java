package chat.clickclack.cli;

import chat.clickclack.imports.SlackImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** clickclack import …: bring history in from another chat. */
@Command(name = "import", description = "Bring history in from another chat system.",
        footerHeading = "%nExample:%n", footer = "  clickclack import slack slack-export.zip --workspace \"Crustacean Labs\"",
        subcommands = ImportCommand.Slack.class)
public final class ImportCommand extends CommandGroup {
    @Mixin
    HelpOption help;

    @Command(name = "slack", description = "Import a Slack workspace export (zip): users by email, public channels, threads, reactions, edits, file links. Safe to run again.",
            footerHeading = "%nExample:%n", footer = "  clickclack import slack slack-export.zip --workspace \"Crustacean Labs\" --data ./data")
    static final class Slack implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Parameters(paramLabel = "EXPORT.zip", description = "The zip Slack's \"Export data\" produced.")
        Path export;

        @Option(names = "--workspace", paramLabel = "NAME", required = true,
                description = "The workspace to import into (id, slug or name); created, owned by Slack's owner, if there is none.")
        String workspace;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(export)) {
                throw new IllegalArgumentException("no Slack export at " + export);
            }
            var summary = AdminCommands.withDatabase(storage, db -> {
                try {
                    return new SlackImport(db, System.err::println).run(export, workspace);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + export, e);
                }
            });
            System.out.printf("imported into %s: %d user(s), %d channel(s), %d message(s), %d thread repl(ies), %d reaction(s); %d skipped%n",
                    summary.workspaceId(), summary.users(), summary.channels(), summary.messages(), summary.replies(),
                    summary.reactions(), summary.skipped());
            return 0;
        }
    }
}
