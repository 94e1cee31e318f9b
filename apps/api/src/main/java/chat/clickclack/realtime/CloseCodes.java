package chat.clickclack.realtime;

/** WebSocket close codes clients must handle. */
public final class CloseCodes {
    /** The server is shutting down; reconnect with after_cursor. */
    public static final int GOING_AWAY = 1001;
    /** Credentials revoked or membership removed; do not reconnect with the same credentials. */
    public static final int POLICY_VIOLATION = 1008;
    /** Reconnect later with after_cursor (this subscriber fell too far behind). */
    public static final int TRY_AGAIN_LATER = 1013;
    /** The cursor cannot be resumed: refetch over HTTP, then reconnect from a fresh tail. */
    public static final int RESYNC_REQUIRED = 4001;
    /** The workspace was deleted, its event log with it: do not reconnect; drop it from the client. */
    public static final int WORKSPACE_DELETED = 4002;

    private CloseCodes() {}
}
