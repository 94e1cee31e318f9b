package chat.clickclack.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sqlite.SQLiteConfig;

/**
 * The search scenario's history: N root messages spread over K channels and a year, written straight into
 * the server's database (sqlite-jdbc, the server's pragmas, batched transactions) so a million messages take
 * a minute instead of hours of HTTP posts. The server's own triggers index each row as it lands, so the
 * index is exactly what posting would have built.
 *
 * <p>Bodies are 6–18 words drawn from a Zipf distribution (s = 1) over {@value #VOCABULARY} words, so the
 * top word ({@link #COMMON}) is in about two thirds of the messages and most words are rare; "deploy",
 * "deployed", "deploying" or "deployment" is in ~2 % (the prefix query), a link in ~3 %, and {@link #RARE}
 * in exactly {@link #rareCount} messages. A fixed seed makes every run's corpus the same.
 */
final class SearchCorpus {
    static final String COMMON = "reef";
    static final String SECOND = "tide";
    static final String RARE = "zephyrine";
    static final int VOCABULARY = 20_000;
    static final int BATCH = 5_000;
    private static final List<String> HEAD = List.of(COMMON, SECOND, "crab", "shell", "claw", "sand", "wave", "kelp",
            "coral", "pearl", "current", "harbor", "lobster", "shrimp", "anchor", "buoy");
    private static final List<String> DEPLOY = List.of("deploy", "deployed", "deploying", "deployment");
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "ber", "quin", "dax",
            "pel", "sor", "tum", "gri", "fen", "hal", "jo", "wex", "zu"};
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String[] words = new String[VOCABULARY];
    private final double[] cumulative = new double[VOCABULARY];
    private final int messages;

    SearchCorpus(int messages) {
        this.messages = messages;
        double total = 0;
        for (int r = 0; r < VOCABULARY; r++) {
            words[r] = r < HEAD.size() ? HEAD.get(r) : pseudoWord(r);
            total += 1.0 / (r + 1);
            cumulative[r] = total;
        }
        for (int r = 0; r < VOCABULARY; r++) {
            cumulative[r] /= total;
        }
    }

    /** A word of middling frequency (rank 100: about 1 % of messages). */
    String medium() {
        return words[100];
    }

    /** How many messages carry {@link #RARE}: one in 20,000, at least 3. */
    int rareCount() {
        return Math.max(3, messages / 20_000);
    }

    /** Inserts the corpus; returns seconds taken and rows per second. */
    Map<String, Object> insert(Path databaseFile, String workspaceId, List<String> channelIds, List<String> authorIds)
            throws SQLException {
        var random = new Random(42);
        var start = Instant.now().minus(Duration.ofDays(365));
        long stepMillis = Math.max(1, Duration.ofDays(365).toMillis() / Math.max(1, messages));
        int rareEvery = messages / rareCount();
        var seqs = new long[channelIds.size()];
        long t0 = System.nanoTime();
        try (var c = open(databaseFile)) {
            c.setAutoCommit(false);
            try (var insert = c.prepareStatement("""
                    INSERT INTO messages (id, workspace_id, channel_id, author_id, parent_message_id, thread_root_id,
                                          channel_seq, thread_seq, body, body_format, nonce, created_at)
                    VALUES (?, ?, ?, ?, NULL, ?, ?, NULL, ?, 'markdown', NULL, ?)""")) {
                for (int n = 0; n < messages; n++) {
                    int k = n % channelIds.size();
                    var id = "msg_" + String.format("B%025d", n);
                    insert.setString(1, id);
                    insert.setString(2, workspaceId);
                    insert.setString(3, channelIds.get(k));
                    insert.setString(4, authorIds.get(n % authorIds.size()));
                    insert.setString(5, id);
                    insert.setLong(6, ++seqs[k]);
                    insert.setString(7, body(random, n % rareEvery == rareEvery / 2));
                    insert.setString(8, TIME.format(start.plusMillis(n * stepMillis)));
                    insert.executeUpdate();
                    if ((n + 1) % BATCH == 0) {
                        c.commit();
                    }
                }
            }
            try (var update = c.prepareStatement("UPDATE channels SET last_seq = ? WHERE id = ?")) {
                for (int k = 0; k < channelIds.size(); k++) {
                    update.setLong(1, seqs[k]);
                    update.setString(2, channelIds.get(k));
                    update.executeUpdate();
                }
            }
            c.commit();
            c.setAutoCommit(true);
            try (var s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        var out = new LinkedHashMap<String, Object>();
        out.put("messages", messages);
        out.put("seconds", Histogram.round(seconds));
        out.put("rows_per_s", Math.round(messages / seconds));
        out.put("batch", BATCH);
        return out;
    }

    /** The index's share of the database file: FTS5's shadow tables plus search_docs and its id index. */
    static Map<String, Object> sizes(Path databaseFile) throws SQLException {
        var out = new LinkedHashMap<String, Object>();
        try (var c = open(databaseFile); var s = c.createStatement()) {
            long total;
            try (var rs = s.executeQuery("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")) {
                rs.next();
                total = rs.getLong(1);
            }
            long fts = 0;
            long docs = 0;
            try (var rs = s.executeQuery("SELECT name, sum(pgsize) FROM dbstat GROUP BY name")) {
                while (rs.next()) {
                    var name = rs.getString(1);
                    if (name.startsWith("message_search")) {
                        fts += rs.getLong(2);
                    } else if (name.equals("search_docs") || name.startsWith("sqlite_autoindex_search_docs")) {
                        docs += rs.getLong(2);
                    }
                }
            }
            out.put("database_mib", Histogram.round(total / 1048576.0));
            out.put("fts_mib", Histogram.round(fts / 1048576.0));
            out.put("search_docs_mib", Histogram.round(docs / 1048576.0));
            out.put("index_share", Histogram.round((fts + docs) / (double) total));
        }
        return out;
    }

    private String body(Random random, boolean rare) {
        int count = 6 + random.nextInt(13);
        var out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word(random.nextDouble()));
        }
        if (random.nextInt(50) == 0) {
            out.append(' ').append(DEPLOY.get(random.nextInt(DEPLOY.size())));
        }
        if (random.nextInt(33) == 0) {
            out.append(" https://example.com/docs/").append(random.nextInt(1000));
        }
        if (rare) {
            out.append(' ').append(RARE);
        }
        return out.toString();
    }

    private String word(double u) {
        int lo = 0;
        int hi = VOCABULARY - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return words[lo];
    }

    /** A pronounceable made-up word, distinct per rank (base-20 digits as syllables). */
    private static String pseudoWord(int rank) {
        var out = new StringBuilder();
        int n = rank;
        do {
            out.append(SYLLABLES[n % SYLLABLES.length]);
            n /= SYLLABLES.length;
        } while (n > 0);
        return out.toString();
    }

    private static Connection open(Path file) throws SQLException {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(RawBaseline.BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }
}
