package chat.clickclack.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept per connection and reused. Preparing is a parse and plan inside SQLite;
 * the hot write path runs the same handful of statements thousands of times per second.
 *
 * <p>Threading: a connection is used by one thread at a time (the writer, or the borrower of a read
 * connection), so each connection's own map needs no lock. A connection's entry goes when it is closed.
 */
final class StatementCache {
    private static final Map<Connection, Map<String, PreparedStatement>> CACHE = new ConcurrentHashMap<>();

    private StatementCache() {}

    /** Drops a closing connection's statements, so a closed database is not kept reachable from here. */
    static void forget(Connection connection) {
        CACHE.remove(connection);
    }

    static boolean holds(Connection connection) {
        return CACHE.containsKey(connection);
    }

    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        var statements = CACHE.computeIfAbsent(connection, c -> new HashMap<>());
        var statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }
}
