package chat.clickclack.db;

/** An unexpected database failure: a bug or a broken disk, never the caller's mistake (maps to 500). */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
