package chat.clickclack.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC shapes every store uses: run a statement with positional arguments, map rows.
 * Statements are prepared through the connection's statement cache (sqlite-jdbc keeps none itself,
 * so {@link StatementCache} does), which matters on the write path where the same inserts repeat.
 */
public final class Sql {
    private Sql() {}

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        var statement = StatementCache.prepare(c, sql);
        bind(statement, args);
        try (var rows = statement.executeQuery()) {
            var out = new ArrayList<T>();
            while (rows.next()) {
                out.add(mapper.map(rows));
            }
            return out;
        }
    }

    public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        var statement = StatementCache.prepare(c, sql);
        bind(statement, args);
        try (var rows = statement.executeQuery()) {
            return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
        }
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        var statement = StatementCache.prepare(c, sql);
        bind(statement, args);
        return statement.executeUpdate();
    }

    public static long longValue(Connection c, String sql, Object... args) throws SQLException {
        return one(c, sql, row -> row.getLong(1), args).orElse(0L);
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        statement.clearParameters();
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            if (arg instanceof Boolean b) {
                statement.setInt(i + 1, b ? 1 : 0);
            } else {
                statement.setObject(i + 1, arg);
            }
        }
    }

    /** Reads a nullable integer column. */
    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
