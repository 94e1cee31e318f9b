package chat.clickclack.cli;

import chat.clickclack.db.Database;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** clickclack migrate: bring the database schema up to date (safe to repeat). */
@Command(name = "migrate", description = "Apply pending database migrations (serve does this too; safe to repeat).",
        footerHeading = "%nExample:%n", footer = "  clickclack migrate --data ./data")
public final class MigrateCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() throws Exception {
        var config = storage.load(Map.of());
        Files.createDirectories(config.databaseFile().getParent());
        int applied = Database.migrate(config.databaseFile());
        System.out.println(applied == 0 ? "database is up to date" : "applied " + applied + " migration(s)");
        return 0;
    }
}
