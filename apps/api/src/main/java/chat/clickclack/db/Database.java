package chat.clickclack.db;

import chat.clickclack.events.Event;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

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
        var flyway = Flyway.configure()
                .dataSource(url(file), null, null)
                .locations("classpath:db/migration/sqlite")
                .loggers("slf4j")
                .load();
        return flyway.migrate().migrationsExecuted;
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
