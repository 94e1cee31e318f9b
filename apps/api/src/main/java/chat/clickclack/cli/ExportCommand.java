package chat.clickclack.cli;

import chat.clickclack.exports.Export;
import chat.clickclack.workspaces.WorkspaceStore;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** clickclack export: the instance or one workspace as documented JSON, streamed. */
@Command(name = "export", description = "Write the instance (or one workspace) as JSON: users, channels, DMs, messages, threads, reactions; no secrets.",
        footerHeading = "%nExample:%n", footer = {"  clickclack export --data ./data --out reef.json",
                "  clickclack export --workspace crustacean-labs --out - | jq '.workspaces[0].channels[].name'"})
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    StorageOptions storage;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the JSON; - for standard output.")
    String out;

    @Option(names = "--workspace", paramLabel = "WORKSPACE", description = "Only this workspace (id, slug or name) and its members.")
    String workspace;

    @Override
    public Integer call() throws Exception {
        var config = storage.load(Map.of());
        if (!Files.isRegularFile(config.databaseFile())) {
            throw new IllegalArgumentException("no database at " + config.databaseFile() + " (check --data or --db)");
        }
        // Its own connection in one read transaction: a consistent moment while the server keeps writing.
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + config.databaseFile().toAbsolutePath())) {
            c.setAutoCommit(false);
            String workspaceId = workspace == null ? null : WorkspaceStore.resolve(c, workspace).orElseThrow(() ->
                    new IllegalArgumentException("no workspace '" + workspace + "' (see `clickclack admin workspace list`)"));
            Export.Summary summary;
            if (out.equals("-")) {
                summary = Export.write(c, workspaceId, new BufferedOutputStream(System.out) {
                    @Override
                    public void close() throws java.io.IOException {
                        flush(); // standard output stays open for the caller's pipe
                    }
                });
            } else {
                try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(Path.of(out)))) {
                    summary = Export.write(c, workspaceId, stream);
                }
            }
            c.rollback();
            System.err.printf("exported %d workspace(s), %d user(s), %d message(s)%n", summary.workspaces(), summary.users(),
                    summary.messages());
        }
        return 0;
    }
}
