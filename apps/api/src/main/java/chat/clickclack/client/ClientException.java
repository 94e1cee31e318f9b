package chat.clickclack.client;

/**
 * A chat command's failure with the exit code it ends with. The codes are part of the CLI's contract (docs/cli.md)
 * so scripts can branch on them: 1 error, 2 usage, 3 auth (401/403 or no profile), 4 not found.
 * {@code retryable} marks failures a follower may wait out (the server is down or restarting).
 */
public final class ClientException extends RuntimeException {
    public static final int ERROR = 1;
    public static final int USAGE = 2;
    public static final int AUTH = 3;
    public static final int NOT_FOUND = 4;

    private final int exitCode;
    private final boolean retryable;

    private ClientException(int exitCode, String message, boolean retryable) {
        super(message);
        this.exitCode = exitCode;
        this.retryable = retryable;
    }

    public static ClientException error(String message) {
        return new ClientException(ERROR, message, false);
    }

    /** The server could not be reached or answered "try later" (5xx, 429): worth retrying. */
    public static ClientException unavailable(String message) {
        return new ClientException(ERROR, message, true);
    }

    public static ClientException usage(String message) {
        return new ClientException(USAGE, message, false);
    }

    public static ClientException auth(String message) {
        return new ClientException(AUTH, message, false);
    }

    public static ClientException notFound(String message) {
        return new ClientException(NOT_FOUND, message, false);
    }

    public int exitCode() {
        return exitCode;
    }

    public boolean retryable() {
        return retryable;
    }
}
