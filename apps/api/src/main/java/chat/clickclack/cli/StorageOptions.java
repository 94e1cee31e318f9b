package chat.clickclack.cli;

import chat.clickclack.config.Config;
import chat.clickclack.config.ConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command shares: where the data lives and which config file to read. */
public final class StorageOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default ./data; env CLICKCLACK_DATA).")
    String data;

    @Option(names = "--db", paramLabel = "URL", description = "Database URL such as sqlite:///srv/clickclack.db (default: clickclack.db in the data directory; env CLICKCLACK_DB).")
    String db;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file with key = value lines (env CLICKCLACK_CONFIG).")
    Path config;

    /** Loads the configuration with these flags plus any extra flag values the command adds. */
    Config load(Map<String, String> extraFlags) {
        var flags = new HashMap<>(extraFlags);
        if (data != null) {
            flags.put("data", data);
        }
        if (db != null) {
            flags.put("db", db);
        }
        return ConfigLoader.load(flags, System.getenv(), config);
    }
}
