package chat.clickclack.reads;

import chat.clickclack.db.Sql;
import chat.clickclack.http.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for channel read pointers ({@code channel_reads}). */
public final class ReadStore {
    /** A user's pointer in a channel and how many root messages lie after it. */
    public record State(long lastReadSeq, long unreadCount) {}

    private ReadStore() {}

    public static Optional<Receipt> channelReceipt(Connection c, String channelId, String userId) throws SQLException {
        return Sql.one(c, "SELECT last_read_seq, last_read_at FROM channel_reads WHERE channel_id = ? AND user_id = ?",
                row -> new Receipt(channelId, userId, row.getLong(1), row.getString(2)), channelId, userId);
    }

    public static void saveChannel(Connection c, Receipt receipt) throws SQLException {
        Sql.update(c, """
                INSERT INTO channel_reads (channel_id, user_id, last_read_seq, last_read_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (channel_id, user_id) DO UPDATE SET last_read_seq = excluded.last_read_seq,
                                                               last_read_at = excluded.last_read_at""",
                receipt.scopeId(), receipt.userId(), receipt.lastReadSeq(), receipt.lastReadAt());
    }

    /**
     * For each channel, the user's pointer (0 when they never marked it read) and the live root messages after
     * it written by someone else (your own message is never news to you), in one query for the whole list;
     * each count runs on the (channel_id, channel_seq) index, so it costs the messages after the pointer, not
     * the channel's.
     */
    public static Map<String, State> channelStates(Connection c, List<String> channelIds, String userId)
            throws SQLException {
        var states = new HashMap<String, State>();
        if (channelIds.isEmpty()) {
            return states;
        }
        for (var row : Sql.list(c, """
                SELECT ch.value, coalesce(r.last_read_seq, 0),
                       (SELECT count(*) FROM messages m
                         WHERE m.channel_id = ch.value AND m.channel_seq > coalesce(r.last_read_seq, 0)
                           AND m.deleted_at IS NULL AND m.author_id <> ?)
                  FROM json_each(?) ch
                  LEFT JOIN channel_reads r ON r.channel_id = ch.value AND r.user_id = ?""",
                r -> Map.entry(r.getString(1), new State(r.getLong(2), r.getLong(3))),
                userId, Json.write(channelIds), userId)) {
            states.put(row.getKey(), row.getValue());
        }
        return states;
    }

    /**
     * For each channel, the live messages that mention the user and that they have not read, in one query
     * for the whole list: root messages after their pointer, and thread replies (which have no channel_seq)
     * written after they last moved it; a mention by handle or by @channel / @here; never their own. Only
     * mentioning messages are read (the {@code messages_mentioning} partial index). Channels without such
     * messages are absent from the map.
     */
    public static Map<String, Long> mentionCounts(Connection c, List<String> channelIds, String userId)
            throws SQLException {
        var counts = new HashMap<String, Long>();
        if (channelIds.isEmpty()) {
            return counts;
        }
        for (var row : Sql.list(c, """
                SELECT m.channel_id, count(*) FROM messages m
                  LEFT JOIN channel_reads r ON r.channel_id = m.channel_id AND r.user_id = ?
                 WHERE m.channel_id IN (SELECT value FROM json_each(?))
                   AND m.mentions_json IS NOT NULL AND m.deleted_at IS NULL AND m.author_id <> ?
                   AND (m.channel_seq > coalesce(r.last_read_seq, 0)
                        OR (m.channel_seq IS NULL AND (r.last_read_at IS NULL OR m.created_at > r.last_read_at)))
                   AND (m.mentions_channel = 1 OR EXISTS (SELECT 1 FROM json_each(m.mentions_json) WHERE value = ?))
                 GROUP BY m.channel_id""",
                r -> Map.entry(r.getString(1), r.getLong(2)),
                userId, Json.write(channelIds), userId, userId)) {
            counts.put(row.getKey(), row.getValue());
        }
        return counts;
    }
}
