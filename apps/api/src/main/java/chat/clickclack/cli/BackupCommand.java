package chat.clickclack.cli;

import chat.clickclack.backup.Backup;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** clickclack backup: the database and the uploads in one checked archive, while the server runs. */
@Command(name = "backup", description = "Write the database and uploads to one zip archive with checksums (safe while the server runs).",
        footerHeading = "%nExample:%n", footer = {"  clickclack backup --data ./data --out backups/clickclack-$(date +%%F).zip",
                "  clickclack restore --from backups/clickclack-2026-12-01.zip --data ./data-restored"})
public final class BackupCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    StorageOptions storage;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The archive to write (replaced if it exists).")
    Path out;

    @Override
    public Integer call() throws Exception {
        var config = storage.load(Map.of());
        var summary = Backup.create(config.databaseFile(), config.dataDir(), out, System.err::println);
        System.err.printf("backed up the database (%d bytes) and %d upload(s)%n", summary.databaseBytes(), summary.uploads());
        System.out.println(summary.archive());
        return 0;
    }
}
