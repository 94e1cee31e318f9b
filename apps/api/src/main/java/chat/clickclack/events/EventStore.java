package chat.clickclack.events;

import chat.clickclack.db.Sql;
import chat.clickclack.db.Tx;
import chat.clickclack.http.Json;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The event log table: append inside a write transaction, read ranges by cursor. */
public final class EventStore {
    /** What a service says happened; the store gives it an id, a cursor and a time. */
    public record NewEvent(String type, String workspaceId, String channelId, Long seq, String subjectId, Object payload,
            Audience audience) {
        /** An event for the whole workspace. */
        public NewEvent(String type, String workspaceId, String channelId, Long seq, String subjectId, Object payload) {
            this(type, workspaceId, channelId, seq, subjectId, payload, Audience.WORKSPACE);
        }
    }

    /** A payload already written as JSON before the write, so the single writer thread does not run Jackson. */
    public record JsonPayload(String json) {}

    private static final String COLUMNS = "cursor, id, type, workspace_id, channel_id, seq, created_at, payload_json, audience_kind, audience_id, audience_members";

    private EventStore() {}

    /** Appends the event in the caller's transaction and registers it for publication after commit. */
    public static Event append(Tx tx, NewEvent e) throws SQLException {
        return append(tx, e, Ids.next("evt"), Times.now());
    }

    /**
     * Like {@link #append(Tx, NewEvent)} with the id and time chosen by the caller before the write (the hot
     * send path does that off the writer thread). The cursor, not the time, orders events.
     */
    public static Event append(Tx tx, NewEvent e, String id, String createdAt) throws SQLException {
        var payload = e.payload() instanceof JsonPayload written ? written.json() : Json.write(e.payload());
        long cursor = Sql.one(tx.connection(), """
                INSERT INTO events (id, workspace_id, channel_id, seq, subject_id, type, payload_json, created_at,
                                    audience_kind, audience_id, audience_members)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING cursor""",
                row -> row.getLong(1),
                id, e.workspaceId(), e.channelId(), e.seq(), e.subjectId(), e.type(), payload, createdAt,
                e.audience().kind(), e.audience().id(), e.audience().membersColumn()).orElseThrow();
        var event = new Event(id, Long.toString(cursor), e.type(), e.workspaceId(), e.channelId(), e.seq(), createdAt,
                payload, e.audience());
        tx.appended(event);
        return event;
    }

    /** Events of one workspace after a cursor, oldest first. */
    public static List<Event> after(Connection c, String workspaceId, long cursor, int limit) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM events WHERE workspace_id = ? AND cursor > ? ORDER BY cursor LIMIT ?",
                EventStore::map, workspaceId, cursor, limit);
    }

    /** Events of every workspace strictly between two cursors, oldest first. */
    public static List<Event> between(Connection c, long afterCursor, long beforeCursor) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM events WHERE cursor > ? AND cursor < ? ORDER BY cursor",
                EventStore::map, afterCursor, beforeCursor);
    }

    /** How many events of the workspace lie after the cursor, counting at most {@code cap}. */
    public static int countAfter(Connection c, String workspaceId, long cursor, int cap) throws SQLException {
        return (int) Sql.longValue(c,
                "SELECT count(*) FROM (SELECT 1 FROM events WHERE workspace_id = ? AND cursor > ? LIMIT ?)",
                workspaceId, cursor, cap);
    }

    /** The newest cursor in the whole log; after pruning everything it is the floor (0 on a new log). */
    public static long tail(Connection c) throws SQLException {
        return Sql.longValue(c, """
                SELECT max(coalesce((SELECT max(cursor) FROM events), 0),
                           coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'events_floor'), 0))""");
    }

    /** True if an event with this cursor is in the log. */
    public static boolean exists(Connection c, long cursor) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM events WHERE cursor = ?", row -> true, cursor).isPresent();
    }

    /** The first event written about a subject with the given type (e.g. the creation of a message). */
    public static Optional<Event> firstAbout(Connection c, String subjectId, String type) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM events WHERE subject_id = ? AND type = ? ORDER BY cursor LIMIT 1",
                EventStore::map, subjectId, type);
    }

    private static Event map(ResultSet row) throws SQLException {
        return new Event(
                row.getString("id"),
                Long.toString(row.getLong("cursor")),
                row.getString("type"),
                row.getString("workspace_id"),
                row.getString("channel_id"),
                Sql.nullableLong(row, "seq"),
                row.getString("created_at"),
                row.getString("payload_json"),
                Audience.of(row.getString("audience_kind"), row.getString("audience_id"),
                        row.getString("audience_members")));
    }
}
