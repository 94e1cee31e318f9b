package chat.clickclack.http;

/**
 * A failure the caller can act on, with its HTTP status. Services throw these; {@link ErrorMapping}
 * turns them into {@code {"error": "..."}} responses in one place. Messages are shown to users.
 */
public class ApiException extends RuntimeException {
    private final int status;

    protected ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 400: the request is malformed or breaks a rule. */
    public static final class Invalid extends ApiException {
        public Invalid(String message) {
            super(400, message);
        }
    }

    /** 401: no credentials, or credentials that are not (or no longer) valid. */
    public static final class Unauthorized extends ApiException {
        public Unauthorized(String message) {
            super(401, message);
        }
    }

    /** 403: authenticated, but not allowed. */
    public static final class Forbidden extends ApiException {
        public Forbidden(String message) {
            super(403, message);
        }
    }

    /** 404: no such thing, or the caller may not know it exists. */
    public static final class NotFound extends ApiException {
        public NotFound(String what) {
            super(404, what + " not found");
        }
    }

    /** 409: the request conflicts with the current state. */
    public static final class Conflict extends ApiException {
        public Conflict(String message) {
            super(409, message);
        }
    }

    /** 410: the requested history is gone (pruned or unknown cursor): resync required. */
    public static final class Gone extends ApiException {
        public Gone(String message) {
            super(410, message);
        }
    }

    /** 429: a rate limit was hit; {@code retryAfterSeconds} goes out as the Retry-After header. */
    public static final class TooManyRequests extends ApiException {
        private final long retryAfterSeconds;

        public TooManyRequests(String message, long retryAfterSeconds) {
            super(429, message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** 426: the endpoint needs a protocol upgrade (the WebSocket). */
    public static final class UpgradeRequired extends ApiException {
        public UpgradeRequired(String message) {
            super(426, message);
        }
    }

    /** 429: a cap on held resources (open connections or sockets) is reached; free one and retry. */
    public static final class LimitReached extends ApiException {
        public LimitReached(String message) {
            super(429, message);
        }
    }
}
