package chat.clickclack.reads;

import chat.clickclack.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
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
     * The user's pointer (0 when they never marked the channel read) and the live root messages after it
     * written by someone else (your own message is never news to you); counted by the (channel_id,
     * channel_seq) index, so it costs the messages after the pointer, not the channel's.
     */
    public static State channelState(Connection c, String channelId, String userId) throws SQLException {
        long pointer = Sql.one(c, "SELECT last_read_seq FROM channel_reads WHERE channel_id = ? AND user_id = ?",
                row -> row.getLong(1), channelId, userId).orElse(0L);
        long unread = Sql.longValue(c, """
                SELECT count(*) FROM messages
                 WHERE channel_id = ? AND channel_seq > ? AND channel_seq IS NOT NULL AND deleted_at IS NULL
                   AND author_id <> ?""",
                channelId, pointer, userId);
        return new State(pointer, unread);
    }
}
