package chat.clickclack.cli;

import chat.clickclack.backup.Restore;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** clickclack restore: a backup archive into a data directory no server is running on. */
@Command(name = "restore", description = "Restore a backup archive into a data directory (refused while a server runs on it).",
        footerHeading = "%nExample:%n", footer = {"  clickclack restore --from backups/clickclack-2026-12-01.zip --data ./data-restored",
                "  clickclack serve --data ./data-restored"})
public final class RestoreCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    StorageOptions storage;

    @Option(names = "--from", paramLabel = "FILE", required = true, description = "The archive `clickclack backup` wrote.")
    Path from;

    @Option(names = "--force", description = "Replace the database already in the data directory.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        var config = storage.load(Map.of());
        var summary = Restore.run(from, config.databaseFile(), config.dataDir(), force, System.err::println);
        System.out.printf("restored the backup of %s (schema %s, %d upload(s)) into %s%n", summary.createdAt(),
                summary.schemaVersion(), summary.uploads(), config.dataDir());
        return 0;
    }
}
