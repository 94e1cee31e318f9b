package chat.clickclack.reactions;

import chat.clickclack.db.Sql;
import chat.clickclack.http.Json;
import chat.clickclack.ids.Times;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQL for reactions. */
public final class ReactionStore {
    private ReactionStore() {}

    /** Adds the reaction; false if the user had already reacted with that emoji. */
    public static boolean add(Connection c, String messageId, String userId, String emoji) throws SQLException {
        return Sql.update(c, """
                INSERT INTO reactions (message_id, user_id, emoji, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", messageId, userId, emoji, Times.now()) == 1;
    }

    public static boolean remove(Connection c, String messageId, String userId, String emoji) throws SQLException {
        return Sql.update(c, "DELETE FROM reactions WHERE message_id = ? AND user_id = ? AND emoji = ?",
                messageId, userId, emoji) == 1;
    }

    /** Reaction summaries per message, in the order each emoji was first used; {@code viewerId} may be null. */
    public static Map<String, List<Reaction>> forMessages(Connection c, Collection<String> messageIds, String viewerId)
            throws SQLException {
        var out = new HashMap<String, List<Reaction>>();
        if (messageIds.isEmpty()) {
            return out;
        }
        record Row(String messageId, Reaction reaction) {}
        var rows = Sql.list(c, """
                SELECT message_id, emoji, count(*) AS n, max(user_id = ?) AS mine, min(created_at) AS first_at
                FROM reactions WHERE message_id IN (SELECT value FROM json_each(?))
                GROUP BY message_id, emoji ORDER BY message_id, first_at, emoji""",
                row -> new Row(row.getString(1), new Reaction(row.getString(2), row.getLong(3), row.getInt(4) == 1)),
                viewerId == null ? "" : viewerId, Json.write(messageIds));
        for (var row : rows) {
            out.computeIfAbsent(row.messageId(), id -> new ArrayList<>()).add(row.reaction());
        }
        return out;
    }

    public static List<Reaction> forMessage(Connection c, String messageId, String viewerId) throws SQLException {
        return forMessages(c, List.of(messageId), viewerId).getOrDefault(messageId, List.of());
    }
}
