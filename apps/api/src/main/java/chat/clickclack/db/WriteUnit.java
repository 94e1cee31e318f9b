package chat.clickclack.db;

import java.sql.SQLException;

/** One unit of work for the single writer. It runs inside a savepoint of a (possibly shared) transaction. */
@FunctionalInterface
public interface WriteUnit<T> {
    T run(Tx tx) throws SQLException;
}
