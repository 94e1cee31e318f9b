package chat.clickclack.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriterTest {
    private Database db;

    @BeforeEach
    void open() throws Exception {
        Path dir = Files.createTempDirectory("writer-test");
        db = Database.open(dir.resolve("test.db"), "normal", events -> {});
        db.write(tx -> tx.connection().createStatement().executeUpdate(
                "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long count(String sql) {
        return db.read(c -> Sql.longValue(c, sql));
    }

    @Test
    void concurrentWritesShareTransactionsAndEachCallerGetsItsOwnResult() throws Exception {
        int writers = 200;
        var barrier = new CyclicBarrier(writers);
        long transactionsBefore = db.writer().transactionCount();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<Long>>();
            for (int i = 0; i < writers; i++) {
                var value = "v" + i;
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return db.write(tx -> Sql.one(tx.connection(), "INSERT INTO t (v) VALUES (?) RETURNING id",
                            row -> row.getLong(1), value).orElseThrow());
                }));
            }
            var ids = new ArrayList<Long>();
            for (int i = 0; i < writers; i++) {
                long id = futures.get(i).get();
                ids.add(id);
                // each caller's returned id really is the row holding its own value
                String stored = db.read(c -> Sql.one(c, "SELECT v FROM t WHERE id = ?", row -> row.getString(1), id)
                        .orElseThrow());
                assertThat(stored).isEqualTo("v" + i);
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(writers);
        }
        long transactions = db.writer().transactionCount() - transactionsBefore;
        assertThat(transactions).as("group commit batches concurrent writes").isLessThan(writers);
        assertThat(count("SELECT count(*) FROM t")).isEqualTo(writers);
    }

    @Test
    void aFailingUnitRollsBackAloneAndTheRestOfItsBatchCommits() throws Exception {
        db.write(tx -> Sql.update(tx.connection(), "INSERT INTO t (v) VALUES ('taken')"));
        int writers = 100;
        var barrier = new CyclicBarrier(writers);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<String>>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    barrier.await();
                    try {
                        db.write(tx -> {
                            // the failing unit writes a row first, then violates the unique constraint
                            Sql.update(tx.connection(), "INSERT INTO t (v) VALUES (?)", "partial" + n);
                            if (n % 10 == 0) {
                                Sql.update(tx.connection(), "INSERT INTO t (v) VALUES ('taken')");
                            }
                            return null;
                        });
                        return "ok";
                    } catch (DatabaseException e) {
                        return "failed";
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (var future : futures) {
                outcomes.add(future.get());
            }
            assertThat(outcomes.stream().filter("failed"::equals).count()).isEqualTo(10);
        }
        // the 90 good units committed; none of the failed units left their first row behind
        assertThat(count("SELECT count(*) FROM t WHERE v LIKE 'partial%'")).isEqualTo(90);
        assertThat(count("SELECT count(*) FROM t WHERE v IN ('partial0', 'partial10', 'partial90')"))
                .isZero();
    }

    @Test
    void anExceptionFromTheUnitReachesItsCallerUnchanged() {
        assertThatThrownBy(() -> db.write(tx -> {
            throw new IllegalArgumentException("nope");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("nope");
        int answer = db.write(tx -> 42);
        assertThat(answer).isEqualTo(42);
    }

    @Test
    void closingTheDatabaseReleasesItsCachedStatements() throws Exception {
        Path dir = Files.createTempDirectory("writer-test");
        var other = Database.open(dir.resolve("other.db"), "normal", events -> {});
        var writeConnection = other.write(tx -> {
            Sql.longValue(tx.connection(), "SELECT 1");
            return tx.connection();
        });
        var readConnection = other.read(c -> {
            Sql.longValue(c, "SELECT 1");
            return c;
        });
        assertThat(StatementCache.holds(writeConnection)).isTrue();
        assertThat(StatementCache.holds(readConnection)).isTrue();
        other.close();
        assertThat(StatementCache.holds(writeConnection)).isFalse();
        assertThat(StatementCache.holds(readConnection)).isFalse();
    }
}
