package chat.clickclack.db;

import chat.clickclack.events.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The SQLite database: migrations, the single writer and the read pool.
 *
 * <p>Pragmas: WAL so readers never block the writer; {@code synchronous=NORMAL} by default (in WAL mode a
 * commit survives a process crash, only an OS crash or power loss may lose the last transactions;
 * {@code FULL} makes every commit survive those too at about a third of the throughput); foreign keys on;
 * a busy timeout so CLI commands running beside a live server wait instead of failing.
 */
public final class Database implements AutoCloseable {
    public static final int READ_CONNECTIONS = 4;
    public static final int WRITER_MAX_BATCH = 256;
    public static final int WRITER_QUEUE_CAPACITY = 8192;
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static volatile boolean nativeLibraryPrepared;

    private final Writer writer;
    private final ReadPool reads;
    private final Path file;

    private Database(Path file, Writer writer, ReadPool reads) {
        this.file = file;
        this.writer = writer;
        this.reads = reads;
    }

    /** Opens (creating if needed) and migrates the database; events committed are passed to {@code afterCommit}. */
    public static Database open(Path file, String synchronous, Consumer<List<Event>> afterCommit) {
        migrate(file);
        try {
            var writeConnection = connect(file, synchronous, false);
            var readConnections = new ArrayList<Connection>();
            for (int i = 0; i < READ_CONNECTIONS; i++) {
                readConnections.add(connect(file, synchronous, true));
            }
            var writer = new Writer(writeConnection, WRITER_MAX_BATCH, WRITER_QUEUE_CAPACITY, afterCommit);
            return new Database(file, writer, new ReadPool(readConnections));
        } catch (SQLException e) {
            throw new DatabaseException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Applies pending migrations; safe to run any number of times. Returns how many were applied. */
    public static int migrate(Path file) {
        useCachedNativeLibrary();
        var flyway = Flyway.configure()
                .dataSource(url(file), null, null)
                .locations("classpath:db/migration/sqlite")
                .loggers("slf4j")
                .load();
        return flyway.migrate().migrationsExecuted;
    }

    /**
     * sqlite-jdbc copies its native library out of the jar into a new temporary file on every start and compares
     * the two byte by byte: about 0.3 s of a cold start on a 2-core machine, a third of the whole. Instead, copy it
     * once per sqlite-jdbc version and platform into the user's cache directory ({@code $XDG_CACHE_HOME} or
     * {@code ~/.cache}, {@code clickclack/sqlite-jdbc-VERSION-OS-ARCH/}) and point the driver at that copy
     * ({@code org.sqlite.lib.path}). A copy is written to a temporary name and renamed, so it is whole or absent,
     * and reused only when its size matches the jar's. When any of that fails (read-only home, no home), or
     * {@code org.sqlite.lib.path} is set already, the driver does what it always did.
     */
    static void useCachedNativeLibrary() {
        if (nativeLibraryPrepared) {
            return;
        }
        nativeLibraryPrepared = true;
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            var name = LibraryLoaderUtil.getNativeLibName();
            var folder = LibraryLoaderUtil.getNativeLibResourcePath();
            var resource = Database.class.getResource(folder + "/" + name);
            if (resource == null) {
                return;
            }
            var xdg = System.getenv("XDG_CACHE_HOME");
            var cacheRoot = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            var platform = folder.substring(folder.indexOf("/native/") + "/native/".length()).replace('/', '-');
            var dir = cacheRoot.resolve("clickclack").resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + platform);
            var library = dir.resolve(name);
            long size = resource.openConnection().getContentLengthLong();
            if (size <= 0) {
                return;
            }
            if (!Files.isRegularFile(library) || Files.size(library) != size) {
                Files.createDirectories(dir);
                var partial = Files.createTempFile(dir, name, ".partial");
                try {
                    try (var in = resource.openStream()) {
                        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (Files.size(partial) != size) {
                        return;
                    }
                    Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException e) {
            // the driver extracts the library itself, as it always did
        }
    }

    static Connection connect(Path file, String synchronous, boolean readOnly) throws SQLException {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(synchronous.toUpperCase()));
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // Inserts that need a generated value say RETURNING; the driver's own lookup after every insert is waste.
        config.setGetGeneratedKeys(false);
        if (readOnly) {
            config.setReadOnly(true);
        }
        var connection = DriverManager.getConnection(url(file), config.toProperties());
        connection.setAutoCommit(true);
        return connection;
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    public Writer writer() {
        return writer;
    }

    public ReadPool reads() {
        return reads;
    }

    public <T> T write(WriteUnit<T> unit) {
        return writer.write(unit);
    }

    public <T> T read(ReadPool.Read<T> read) {
        return reads.read(read);
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        writer.close();
        reads.close();
    }
}
