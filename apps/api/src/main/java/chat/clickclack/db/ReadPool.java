package chat.clickclack.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed set of read-only connections. WAL mode lets them read concurrently with the writer; each
 * statement sees the latest committed state, so a read that follows an acknowledged write sees it.
 *
 * <p>Threading: any thread may call {@link #read}; a caller blocks while all connections are busy.
 */
public final class ReadPool implements AutoCloseable {
    /** A read against one borrowed connection. */
    @FunctionalInterface
    public interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    private final BlockingQueue<Connection> idle;
    private final List<Connection> all;

    public ReadPool(List<Connection> connections) {
        this.all = List.copyOf(connections);
        this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
    }

    public <T> T read(Read<T> read) {
        Connection connection;
        try {
            connection = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a read connection", e);
        }
        try {
            return read.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException("read failed", e);
        } finally {
            idle.add(connection);
        }
    }

    @Override
    public void close() {
        for (var connection : all) {
            StatementCache.forget(connection);
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing at shutdown; nothing left to protect
            }
        }
    }
}
