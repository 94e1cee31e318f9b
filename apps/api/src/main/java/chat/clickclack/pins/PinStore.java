package chat.clickclack.pins;

import chat.clickclack.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** SQL for channel_pins. */
final class PinStore {
    private PinStore() {}

    /** Pins the message; false when it already was pinned. */
    static boolean add(Connection c, String channelId, String messageId, String userId, String at) throws SQLException {
        return Sql.update(c, """
                INSERT INTO channel_pins (channel_id, message_id, pinned_by, pinned_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", channelId, messageId, userId, at) == 1;
    }

    static boolean remove(Connection c, String channelId, String messageId) throws SQLException {
        return Sql.update(c, "DELETE FROM channel_pins WHERE channel_id = ? AND message_id = ?", channelId, messageId) == 1;
    }

    static long count(Connection c, String channelId) throws SQLException {
        return Sql.longValue(c, "SELECT count(*) FROM channel_pins WHERE channel_id = ?", channelId);
    }

    /** The pinned message ids, newest pin first. */
    static List<String> messageIds(Connection c, String channelId) throws SQLException {
        return Sql.list(c, """
                SELECT message_id FROM channel_pins WHERE channel_id = ? ORDER BY pinned_at DESC, rowid DESC""",
                row -> row.getString(1), channelId);
    }
}
