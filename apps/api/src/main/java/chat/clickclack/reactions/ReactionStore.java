package chat.clickclack.reactions;

import chat.clickclack.db.Sql;
import chat.clickclack.http.Json;
import chat.clickclack.ids.Times;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for reactions. */
public final class ReactionStore {
    /** How many reactors a summary names; the count says how many there are in all. */
    public static final int REACTED_BY_LIMIT = 10;

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

    /** How many different emoji the message carries. */
    public static long distinctEmoji(Connection c, String messageId) throws SQLException {
        return Sql.one(c, "SELECT count(DISTINCT emoji) FROM reactions WHERE message_id = ?",
                row -> row.getLong(1), messageId).orElse(0L);
    }

    public static boolean hasEmoji(Connection c, String messageId, String emoji) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM reactions WHERE message_id = ? AND emoji = ? LIMIT 1",
                row -> true, messageId, emoji).orElse(false);
    }

    /** One emoji's summary on one message, as a reaction event carries it. */
    public static ReactionChange summary(Connection c, String messageId, String emoji) throws SQLException {
        long count = Sql.one(c, "SELECT count(*) FROM reactions WHERE message_id = ? AND emoji = ?",
                row -> row.getLong(1), messageId, emoji).orElse(0L);
        var reactors = Sql.list(c, """
                SELECT r.user_id, u.display_name FROM reactions r JOIN users u ON u.id = r.user_id
                WHERE r.message_id = ? AND r.emoji = ? ORDER BY r.created_at, r.user_id LIMIT ?""",
                row -> new Reaction.Reactor(row.getString(1), row.getString(2)), messageId, emoji, REACTED_BY_LIMIT);
        return new ReactionChange(emoji, count, reactors);
    }

    /**
     * Reaction summaries per message, in the order each emoji was first used; {@code viewerId} may be null.
     * One query: window functions give each (message, emoji) its total, the viewer's part and its first
     * reactors, and only those first rows leave SQLite.
     */
    public static Map<String, List<Reaction>> forMessages(Connection c, Collection<String> messageIds, String viewerId)
            throws SQLException {
        var out = new LinkedHashMap<String, List<Reaction>>();
        if (messageIds.isEmpty()) {
            return out;
        }
        record Row(String messageId, String emoji, long total, boolean mine, Reaction.Reactor reactor) {}
        var rows = Sql.list(c, """
                SELECT message_id, emoji, total, mine, user_id, display_name FROM (
                    SELECT r.message_id, r.emoji, r.user_id, u.display_name,
                           row_number() OVER byTime AS n,
                           count(*) OVER byEmoji AS total,
                           max(r.user_id = ?) OVER byEmoji AS mine,
                           min(r.created_at) OVER byEmoji AS first_at
                    FROM reactions r JOIN users u ON u.id = r.user_id
                    WHERE r.message_id IN (SELECT value FROM json_each(?))
                    WINDOW byEmoji AS (PARTITION BY r.message_id, r.emoji),
                           byTime AS (PARTITION BY r.message_id, r.emoji ORDER BY r.created_at, r.user_id))
                WHERE n <= ? ORDER BY message_id, first_at, emoji, n""",
                row -> new Row(row.getString(1), row.getString(2), row.getLong(3), row.getInt(4) == 1,
                        new Reaction.Reactor(row.getString(5), row.getString(6))),
                viewerId == null ? "" : viewerId, Json.write(messageIds), REACTED_BY_LIMIT);
        String messageId = null;
        String emoji = null;
        List<Reaction.Reactor> reactors = null;
        for (var row : rows) {
            if (!row.messageId().equals(messageId) || !row.emoji().equals(emoji)) {
                messageId = row.messageId();
                emoji = row.emoji();
                reactors = new ArrayList<>();
                out.computeIfAbsent(messageId, id -> new ArrayList<>())
                        .add(new Reaction(emoji, row.total(), row.mine(), reactors));
            }
            reactors.add(row.reactor());
        }
        return out;
    }

    public static List<Reaction> forMessage(Connection c, String messageId, String viewerId) throws SQLException {
        return forMessages(c, List.of(messageId), viewerId).getOrDefault(messageId, List.of());
    }
}
