package chat.clickclack.subscriptions;

import chat.clickclack.db.Sql;
import chat.clickclack.http.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for event_subscriptions and event_deliveries. */
final class SubscriptionStore {
    private static final String COLUMNS = "id, workspace_id, url, event_types, status, paused_reason, cursor, "
            + "failing_since, next_attempt_at, created_by, created_at";
    private static final String DELIVERY_COLUMNS = "id, subscription_id, event_id, event_cursor, event_type, status, "
            + "attempts, response_code, last_error, next_attempt_at, delivered_at, created_at, updated_at";

    /** A subscription with the secret its deliveries are signed with. */
    record Stored(EventSubscription subscription, String secret) {}

    private SubscriptionStore() {}

    static void insert(Connection c, EventSubscription s, String secret) throws SQLException {
        Sql.update(c, "INSERT INTO event_subscriptions (" + COLUMNS + ", secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(), s.workspaceId(), s.url(), Json.write(s.eventTypes()), s.status(), s.pausedReason(),
                s.position(), s.failingSince(), s.nextAttemptAt(), s.createdBy(), s.createdAt(), secret);
    }

    static Optional<Stored> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + ", secret FROM event_subscriptions WHERE id = ?", SubscriptionStore::stored, id);
    }

    static List<EventSubscription> inWorkspace(Connection c, String workspaceId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + ", secret FROM event_subscriptions WHERE workspace_id = ? ORDER BY id",
                row -> stored(row).subscription(), workspaceId);
    }

    static List<EventSubscription> active(Connection c) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + ", secret FROM event_subscriptions WHERE status = 'active' ORDER BY id",
                row -> stored(row).subscription());
    }

    static long count(Connection c) throws SQLException {
        return Sql.longValue(c, "SELECT count(*) FROM event_subscriptions");
    }

    static void pause(Connection c, String id, String reason) throws SQLException {
        Sql.update(c, "UPDATE event_subscriptions SET status = 'paused', paused_reason = ? WHERE id = ?", reason, id);
    }

    /** Active again, retrying at once; the failure run starts over. */
    static void resume(Connection c, String id) throws SQLException {
        Sql.update(c, "UPDATE event_subscriptions SET status = 'active', paused_reason = NULL, failing_since = NULL, "
                + "next_attempt_at = NULL WHERE id = ?", id);
    }

    static void delete(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM event_deliveries WHERE subscription_id = ?", id);
        Sql.update(c, "DELETE FROM event_subscriptions WHERE id = ?", id);
    }

    /** Moves the cursor from {@code from} to {@code to}; false when someone else moved it (or it is gone). */
    static boolean advance(Connection c, String id, long from, long to) throws SQLException {
        return Sql.update(c, "UPDATE event_subscriptions SET cursor = ? WHERE id = ? AND cursor = ?", to, id, from) == 1;
    }

    /** After a success: the failure run is over. */
    static void succeeded(Connection c, String id) throws SQLException {
        Sql.update(c, "UPDATE event_subscriptions SET failing_since = NULL, next_attempt_at = NULL WHERE id = ?", id);
    }

    /** After a failure: when the run began (kept if it had), and when to try again. */
    static void failed(Connection c, String id, String at, String nextAttemptAt) throws SQLException {
        Sql.update(c, "UPDATE event_subscriptions SET failing_since = coalesce(failing_since, ?), next_attempt_at = ? "
                + "WHERE id = ?", at, nextAttemptAt, id);
    }

    static Optional<EventDelivery> delivery(Connection c, String subscriptionId, long cursor) throws SQLException {
        return Sql.one(c, "SELECT " + DELIVERY_COLUMNS + " FROM event_deliveries WHERE subscription_id = ? AND event_cursor = ?",
                SubscriptionStore::delivery, subscriptionId, cursor);
    }

    static void saveDelivery(Connection c, EventDelivery d) throws SQLException {
        Sql.update(c, "INSERT INTO event_deliveries (" + DELIVERY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (subscription_id, event_cursor) DO UPDATE SET status = excluded.status, "
                + "attempts = excluded.attempts, response_code = excluded.response_code, last_error = excluded.last_error, "
                + "next_attempt_at = excluded.next_attempt_at, delivered_at = excluded.delivered_at, "
                + "updated_at = excluded.updated_at",
                d.id(), d.subscriptionId(), d.eventId(), Long.parseLong(d.eventCursor()), d.eventType(), d.status(),
                d.attempts(), d.responseCode(), d.lastError(), d.nextAttemptAt(), d.deliveredAt(), d.createdAt(),
                d.updatedAt());
    }

    static List<EventDelivery> deliveries(Connection c, String subscriptionId, int limit) throws SQLException {
        return Sql.list(c, "SELECT " + DELIVERY_COLUMNS + " FROM event_deliveries WHERE subscription_id = ? "
                + "ORDER BY event_cursor DESC LIMIT ?", SubscriptionStore::delivery, subscriptionId, limit);
    }

    private static Stored stored(ResultSet row) throws SQLException {
        List<String> types;
        try {
            types = Json.MAPPER.readValue(row.getString(4), new TypeReference<List<String>>() {});
        } catch (java.io.IOException e) {
            throw new SQLException("event_subscriptions.event_types is not a JSON list", e);
        }
        return new Stored(new EventSubscription(row.getString(1), row.getString(2), row.getString(3), types,
                row.getString(5), row.getString(6), Long.toString(row.getLong(7)), row.getString(8), row.getString(9),
                row.getString(10), row.getString(11)), row.getString(12));
    }

    private static EventDelivery delivery(ResultSet row) throws SQLException {
        int code = row.getInt(8);
        Integer responseCode = row.wasNull() ? null : code;
        return new EventDelivery(row.getString(1), row.getString(2), row.getString(3), Long.toString(row.getLong(4)),
                row.getString(5), row.getString(6), row.getInt(7), responseCode, row.getString(9), row.getString(10),
                row.getString(11), row.getString(12), row.getString(13));
    }
}
