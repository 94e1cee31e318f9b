package chat.clickclack.bench;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * What SQLite alone does on this machine, measured in the same run as the HTTP figures: sqlite-jdbc on one
 * connection, no server, into a database built by the server's own migrations
 * ({@code chat.clickclack.db.Database.migrate}, loaded from the server jar on the classpath) and opened
 * with the server's pragmas (copied from {@code Database.connect}: WAL, synchronous=NORMAL, foreign keys,
 * busy_timeout, IMMEDIATE transactions). So schema, indexes and triggers are whatever the server has.
 *
 * <ul>
 *   <li>{@code single_row_tx_per_s}: one INSERT into messages per transaction (autocommit) — the
 *       denominator of {@code ratio_vs_raw} as issue 5 defines it;</li>
 *   <li>{@code send_tx_per_s}: the rows of one HTTP send per transaction (take the channel seq, insert the
 *       message, append the event) — the fair per-message cost without group commit;</li>
 *   <li>{@code batched_rows_per_s}: messages inserted {@value #BATCH} per transaction — roughly the
 *       ceiling group commit can approach.</li>
 * </ul>
 */
final class RawBaseline {
    static final int BATCH = 100;
    static final int BUSY_TIMEOUT_MS = 10_000;
    private static final String INSERT_MESSAGE = """
            INSERT INTO messages (id, workspace_id, channel_id, author_id, parent_message_id, thread_root_id,
                channel_seq, thread_seq, body, body_format, nonce, created_at, edited_at, deleted_at)
            VALUES (?, 'wsp_raw', ?, 'usr_raw', NULL, ?, ?, NULL, ?, 'markdown', ?, ?, NULL, NULL)""";

    private RawBaseline() {}

    /** Runs the three measurements for {@code seconds} each on fresh databases under {@code dir}. */
    static Map<String, Object> measure(Path dir, double seconds, String body) throws Exception {
        Files.createDirectories(dir);
        var out = new LinkedHashMap<String, Object>();
        out.put("single_row_tx_per_s", singleRows(open(dir.resolve("single.db")), seconds, body));
        out.put("send_tx_per_s", sendTransactions(open(dir.resolve("send.db")), seconds, body));
        out.put("batched_rows_per_s", batched(open(dir.resolve("batched.db")), seconds, body));
        out.put("batch_size", BATCH);
        out.put("seconds_each", seconds);
        return out;
    }

    /** Migrates a new database with the server's migrations and opens it with the server's pragmas. */
    static Connection open(Path file) throws Exception {
        migrate(file);
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        var c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        try (Statement s = c.createStatement()) {
            var now = Instant.now().toString();
            s.execute("INSERT INTO users (id, display_name, handle, created_at) VALUES ('usr_raw', 'Raw', 'raw', '" + now + "')");
            s.execute("INSERT INTO workspaces (id, name, slug, created_at) VALUES ('wsp_raw', 'Raw', 'raw', '" + now + "')");
            s.execute("INSERT INTO channels (id, workspace_id, name, created_at) VALUES ('chn_raw', 'wsp_raw', 'raw', '" + now + "')");
        }
        return c;
    }

    /** The server's own migration code, called through reflection so the bench never compiles against the server. */
    static void migrate(Path file) throws Exception {
        try {
            Class.forName("chat.clickclack.db.Database").getMethod("migrate", Path.class).invoke(null, file);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the server jar must be on the classpath (bench/run puts it there)", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("migrating " + file + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static long singleRows(Connection c, double seconds, String body) throws SQLException {
        try (c; var insert = c.prepareStatement(INSERT_MESSAGE)) {
            long n = 0;
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                n++;
                bindMessage(insert, n, body);
                insert.executeUpdate();
            }
            return perSecond(n, start);
        }
    }

    private static long sendTransactions(Connection c, double seconds, String body) throws SQLException {
        c.setAutoCommit(false);
        try (c;
             var seq = c.prepareStatement("UPDATE channels SET last_seq = last_seq + 1 WHERE id = 'chn_raw' RETURNING last_seq");
             var insert = c.prepareStatement(INSERT_MESSAGE);
             var event = c.prepareStatement("""
                     INSERT INTO events (id, workspace_id, channel_id, seq, subject_id, type, payload_json, created_at)
                     VALUES (?, 'wsp_raw', 'chn_raw', ?, ?, 'message.created', ?, ?) RETURNING cursor""")) {
            long n = 0;
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                long channelSeq;
                try (var rs = seq.executeQuery()) {
                    rs.next();
                    channelSeq = rs.getLong(1);
                }
                bindMessage(insert, channelSeq, body);
                insert.executeUpdate();
                event.setString(1, "evt_raw_" + channelSeq);
                event.setLong(2, channelSeq);
                event.setString(3, "msg_raw_" + channelSeq);
                event.setString(4, "{\"message_id\":\"msg_raw_" + channelSeq + "\",\"message\":{\"body\":\"" + body + "\"}}");
                event.setString(5, Instant.now().toString());
                try (var rs = event.executeQuery()) {
                    rs.next();
                }
                c.commit();
                n++;
            }
            return perSecond(n, start);
        }
    }

    private static long batched(Connection c, double seconds, String body) throws SQLException {
        c.setAutoCommit(false);
        try (c; var insert = c.prepareStatement(INSERT_MESSAGE)) {
            long n = 0;
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                for (int i = 0; i < BATCH; i++) {
                    n++;
                    bindMessage(insert, n, body);
                    insert.executeUpdate();
                }
                c.commit();
            }
            return perSecond(n, start);
        }
    }

    private static void bindMessage(PreparedStatement insert, long seq, String body) throws SQLException {
        var id = "msg_raw_" + seq;
        insert.setString(1, id);
        insert.setString(2, "chn_raw");
        insert.setString(3, id);
        insert.setLong(4, seq);
        insert.setString(5, body + " " + seq);
        insert.setString(6, "nonce-" + seq);
        insert.setString(7, Instant.now().toString());
    }

    private static long perSecond(long n, long startNanos) {
        return Math.round(n / ((System.nanoTime() - startNanos) / 1e9));
    }
}
