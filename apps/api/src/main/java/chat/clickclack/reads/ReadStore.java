package chat.clickclack.reads;

import chat.clickclack.db.Sql;
import chat.clickclack.http.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL for read pointers ({@code channel_reads}, {@code direct_reads}). The statements are the same for channels
 * and direct conversations; {@link ReadScope} names the table and columns, never user input.
 */
final class ReadStore {
    /** A user's pointer in a conversation and how many root messages lie after it. */
    record State(long lastReadSeq, long unreadCount) {}

    private ReadStore() {}

    static Optional<Receipt> receipt(Connection c, ReadScope scope, String scopeId, String userId) throws SQLException {
        return Sql.one(c, "SELECT last_read_seq, last_read_at FROM " + scope.table + " WHERE " + scope.column
                        + " = ? AND user_id = ?",
                row -> new Receipt(scopeId, userId, row.getLong(1), row.getString(2)), scopeId, userId);
    }

    static void save(Connection c, ReadScope scope, Receipt receipt) throws SQLException {
        Sql.update(c, """
                INSERT INTO %1$s (%2$s, user_id, last_read_seq, last_read_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (%2$s, user_id) DO UPDATE SET last_read_seq = excluded.last_read_seq,
                                                         last_read_at = excluded.last_read_at"""
                        .formatted(scope.table, scope.column),
                receipt.scopeId(), receipt.userId(), receipt.lastReadSeq(), receipt.lastReadAt());
    }

    /**
     * For each conversation, the user's pointer (0 when they never marked it read) and the live root messages
     * after it written by someone else (your own message is never news to you), in one query for the whole
     * list; each count runs on the (conversation, channel_seq) index, so it costs the messages after the
     * pointer, not the conversation's.
     */
    static Map<String, State> states(Connection c, ReadScope scope, List<String> ids, String userId)
            throws SQLException {
        var states = new HashMap<String, State>();
        if (ids.isEmpty()) {
            return states;
        }
        for (var row : Sql.list(c, """
                SELECT s.value, coalesce(r.last_read_seq, 0),
                       (SELECT count(*) FROM messages m
                         WHERE m.%3$s = s.value AND m.channel_seq > coalesce(r.last_read_seq, 0)
                           AND m.deleted_at IS NULL AND m.author_id <> ?)
                  FROM json_each(?) s
                  LEFT JOIN %1$s r ON r.%2$s = s.value AND r.user_id = ?"""
                        .formatted(scope.table, scope.column, scope.messageColumn),
                r -> Map.entry(r.getString(1), new State(r.getLong(2), r.getLong(3))),
                userId, Json.write(ids), userId)) {
            states.put(row.getKey(), row.getValue());
        }
        return states;
    }

    /**
     * For each conversation, the live messages that mention the user and that they have not read, in one query
     * for the whole list: root messages after their pointer, and thread replies (which have no channel_seq)
     * written after they last moved it; a mention by handle or by @channel / @here; never their own. Only
     * mentioning messages are read (the {@code messages_mentioning} partial index). Conversations without such
     * messages are absent from the map.
     */
    static Map<String, Long> mentionCounts(Connection c, ReadScope scope, List<String> ids, String userId)
            throws SQLException {
        var counts = new HashMap<String, Long>();
        if (ids.isEmpty()) {
            return counts;
        }
        for (var row : Sql.list(c, """
                SELECT m.%3$s, count(*) FROM messages m
                  LEFT JOIN %1$s r ON r.%2$s = m.%3$s AND r.user_id = ?
                 WHERE m.%3$s IN (SELECT value FROM json_each(?))
                   AND m.mentions_json IS NOT NULL AND m.deleted_at IS NULL AND m.author_id <> ?
                   AND (m.channel_seq > coalesce(r.last_read_seq, 0)
                        OR (m.channel_seq IS NULL AND (r.last_read_at IS NULL OR m.created_at > r.last_read_at)))
                   AND (m.mentions_channel = 1 OR EXISTS (SELECT 1 FROM json_each(m.mentions_json) WHERE value = ?))
                 GROUP BY m.%3$s""".formatted(scope.table, scope.column, scope.messageColumn),
                r -> Map.entry(r.getString(1), r.getLong(2)),
                userId, Json.write(ids), userId, userId)) {
            counts.put(row.getKey(), row.getValue());
        }
        return counts;
    }
}
