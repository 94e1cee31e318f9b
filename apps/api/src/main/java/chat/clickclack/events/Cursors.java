package chat.clickclack.events;

import chat.clickclack.db.Settings;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Decides whether a client's cursor can be resumed from. A cursor is resumable when it names an event
 * still in the log, or is exactly the floor left by pruning (0 on a log never pruned). Anything else —
 * garbage, a pruned cursor, a cursor beyond the tail — cannot be resumed losslessly, so the client must
 * resync: refetch over HTTP and continue from a fresh tail.
 */
public final class Cursors {
    /** Why a cursor cannot be resumed; the message is shown to the client. */
    public static final class ResyncRequired extends Exception {
        public ResyncRequired(String message) {
            super(message, null, false, false);
        }
    }

    private Cursors() {}

    public static long resumable(Connection c, String raw) throws SQLException, ResyncRequired {
        long cursor;
        try {
            cursor = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new ResyncRequired("resync required: unknown cursor");
        }
        if (cursor < 0) {
            throw new ResyncRequired("resync required: unknown cursor");
        }
        long floor = floor(c);
        if (cursor < floor) {
            throw new ResyncRequired("resync required: cursor was pruned from the event log");
        }
        if (cursor > EventStore.tail(c)) {
            throw new ResyncRequired("resync required: cursor is ahead of the event log");
        }
        if (cursor != floor && !EventStore.exists(c, cursor)) {
            throw new ResyncRequired("resync required: unknown cursor");
        }
        return cursor;
    }

    /** Every event at or below the floor has been pruned. */
    public static long floor(Connection c) throws SQLException {
        return Settings.get(c, Settings.EVENTS_FLOOR).map(Long::parseLong).orElse(0L);
    }
}
