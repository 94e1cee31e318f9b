package chat.clickclack.db;

import chat.clickclack.events.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer: one connection, one thread, every write transaction of the process.
 *
 * <p>SQLite allows one writer at a time, and each commit costs an fsync of the WAL. Instead of letting
 * callers fight over a lock and pay one commit each, callers queue units of work and wait; the writer
 * takes everything that is queued (up to {@code maxBatch}), runs each unit inside its own SAVEPOINT of
 * one transaction, and commits once. Under load many writes share one fsync (group commit); when idle a
 * lone write commits immediately, so latency is not traded for throughput.
 *
 * <p>A unit that throws is rolled back to its savepoint alone: the other units of the batch still commit.
 * Every caller is completed only after the commit that holds its unit, so an acknowledged write is durable.
 *
 * <p>Threading: {@link #write} may be called from any thread; everything else runs on the writer thread.
 */
public final class Writer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Writer.class);

    private record Pending<T>(WriteUnit<T> unit, CompletableFuture<T> result) {}

    private record Done(Pending<?> pending, Object value, Throwable failure, List<Event> events) {}

    /** Transaction control prepared once: parsing BEGIN/SAVEPOINT/COMMIT on every write was a quarter of the writer's time. */
    private record TxStatements(
            PreparedStatement begin,
            PreparedStatement commit,
            PreparedStatement rollback,
            PreparedStatement savepoint,
            PreparedStatement rollbackToSavepoint,
            PreparedStatement release) {
        static TxStatements prepare(Connection c) throws SQLException {
            return new TxStatements(c.prepareStatement("BEGIN IMMEDIATE"), c.prepareStatement("COMMIT"),
                    c.prepareStatement("ROLLBACK"), c.prepareStatement("SAVEPOINT unit"),
                    c.prepareStatement("ROLLBACK TO unit"), c.prepareStatement("RELEASE unit"));
        }
    }

    private final Connection connection;
    private final TxStatements statements;
    private final BlockingQueue<Pending<?>> queue;
    private final int maxBatch;
    private final Consumer<List<Event>> afterCommit;
    private final Thread thread;
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong units = new AtomicLong();
    /** Time spent in COMMIT (the WAL fsync), for /metrics; only the writer thread adds to it. */
    private final AtomicLong commitNanos = new AtomicLong();
    private volatile boolean running = true;

    public Writer(Connection connection, int maxBatch, int queueCapacity, Consumer<List<Event>> afterCommit)
            throws SQLException {
        this.connection = connection;
        this.statements = TxStatements.prepare(connection);
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.afterCommit = afterCommit;
        this.thread = Thread.ofPlatform().name("clickclack-writer").daemon(true).start(this::loop);
    }

    /** Runs the unit in a write transaction and returns its result once that transaction has committed. */
    public <T> T write(WriteUnit<T> unit) {
        if (!running) {
            throw new IllegalStateException("the database writer is stopped");
        }
        var pending = new Pending<>(unit, new CompletableFuture<T>());
        try {
            queue.put(pending);
            if (!running && queue.remove(pending)) {
                // close() ran between our check and the put, and the loop may already be gone
                throw new IllegalStateException("the database writer is stopped");
            }
            return pending.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database writer", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DatabaseException("write failed", e.getCause());
        }
    }

    /** Number of committed transactions; with {@link #unitCount()} it shows how well writes are grouped. */
    public long transactionCount() {
        return transactions.get();
    }

    public long unitCount() {
        return units.get();
    }

    /** Total time spent committing, in nanoseconds; divided by {@link #transactionCount()}, the mean commit. */
    public long commitNanos() {
        return commitNanos.get();
    }

    /** Units waiting for the writer right now. */
    public int queued() {
        return queue.size();
    }

    private void loop() {
        var batch = new ArrayList<Pending<?>>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.error("writer loop failure", e);
                for (var pending : batch) {
                    pending.result().completeExceptionally(e);
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void runBatch(List<Pending<?>> batch) {
        var done = new ArrayList<Done>(batch.size());
        try {
            statements.begin.execute();
            if (batch.size() == 1) {
                // Alone in its transaction, a unit needs no savepoint: if it fails, the rollback is its own.
                var d = runUnit(batch.getFirst());
                if (d.failure() != null) {
                    statements.rollback.execute();
                    complete(d);
                    return;
                }
                done.add(d);
            } else {
                for (var pending : batch) {
                    done.add(runInSavepoint(pending));
                }
            }
            long committing = System.nanoTime();
            statements.commit.execute();
            commitNanos.addAndGet(System.nanoTime() - committing);
        } catch (SQLException e) {
            rollbackQuietly();
            var failure = new DatabaseException("commit failed", e);
            for (var pending : batch) {
                pending.result().completeExceptionally(failure);
            }
            return;
        }
        transactions.incrementAndGet();
        units.addAndGet(batch.size());
        // Answer the callers first: they are what the write path waits on. Publishing afterwards is safe:
        // a client that subscribes with a cursor it just received starts after it, and the event it does
        // not have yet is appended to the feed a moment later.
        for (var d : done) {
            complete(d);
        }
        var committed = new ArrayList<Event>();
        for (var d : done) {
            if (d.failure() == null) {
                committed.addAll(d.events());
            }
        }
        if (!committed.isEmpty()) {
            try {
                afterCommit.accept(committed);
            } catch (RuntimeException | Error e) {
                log.error("after-commit listener failed; subscribers will catch up from the log", e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Done d) {
        var result = (CompletableFuture<T>) d.pending().result();
        if (d.failure() != null) {
            result.completeExceptionally(d.failure());
        } else {
            result.complete((T) d.value());
        }
    }

    private Done runInSavepoint(Pending<?> pending) throws SQLException {
        statements.savepoint.execute();
        var d = runUnit(pending);
        if (d.failure() != null) {
            statements.rollbackToSavepoint.execute();
        }
        statements.release.execute();
        return d;
    }

    private Done runUnit(Pending<?> pending) {
        var tx = new Tx(connection);
        try {
            Object value = pending.unit().run(tx);
            return new Done(pending, value, null, tx.appendedEvents());
        } catch (Exception | Error e) {
            return new Done(pending, null, e, List.of());
        }
    }

    private void rollbackQuietly() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was open
        }
    }

    /** Finishes queued work, then stops the writer thread and closes its connection. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            StatementCache.forget(connection);
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            log.warn("closing the writer connection failed", e);
        }
    }
}
