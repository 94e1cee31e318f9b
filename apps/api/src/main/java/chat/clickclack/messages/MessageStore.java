package chat.clickclack.messages;

import chat.clickclack.channels.Channel;
import chat.clickclack.channels.ChannelStore;
import chat.clickclack.db.Sql;
import chat.clickclack.users.User;
import chat.clickclack.users.UserStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** SQL for messages: inserting roots and replies, reading timelines and threads, edits and deletes. */
public final class MessageStore {
    private static final String COLUMNS = """
            id, workspace_id, channel_id, author_id, parent_message_id, thread_root_id, channel_seq, thread_seq,
            body, body_format, nonce, created_at, edited_at, deleted_at, direct_conversation_id,
            mentions_json, mentions_channel, override_username, override_icon_url""";

    /** A timeline: a channel's root messages or a direct conversation's; both number roots by channel_seq. */
    public enum Scope {
        CHANNEL("channel_id"), DIRECT("direct_conversation_id");

        final String column;

        Scope(String column) {
            this.column = column;
        }
    }

    /** Where a new message goes and who writes it (see {@link #posting}). */
    public record Posting(Channel channel, User author) {}

    private MessageStore() {}

    /** The channel and its poster in one query, found only if the poster may see the channel (see Channels.visible). */
    public static Optional<Posting> posting(Connection c, String userId, String channelId) throws SQLException {
        return Sql.one(c, """
                SELECT ch.id, ch.workspace_id, ch.name, ch.kind, ch.topic, ch.created_at, ch.archived_at, ch.last_seq,
                       %s
                  FROM channels ch
                  JOIN workspace_members m ON m.workspace_id = ch.workspace_id AND m.user_id = ?
                  JOIN users u ON u.id = m.user_id
                 WHERE ch.id = ?
                   AND ((ch.kind <> 'private' AND m.role <> 'guest')
                        OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = ch.id AND cm.user_id = m.user_id))""".formatted(UserStore.COLUMNS),
                row -> new Posting(ChannelStore.map(row), UserStore.map(row)),
                userId, channelId);
    }

    /**
     * Inserts a root message at its channel's next channel_seq and returns that seq; empty when nothing was
     * inserted: the channel is archived (or unknown), or the author already used this nonce. One statement
     * instead of "look the nonce up, bump the sequence, insert": the unique (author_id, nonce) index answers
     * the duplicate question for free. The caller records the seq with {@code ChannelStore.setLastSeq};
     * both run on the single writer, so sequences have no gaps or duplicates.
     */
    public static Optional<Long> insertRoot(Connection c, StoredMessage m) throws SQLException {
        return Sql.one(c, "INSERT INTO messages (" + COLUMNS + """
                )
                SELECT ?, workspace_id, id, ?, NULL, ?, last_seq + 1, NULL, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?
                  FROM channels WHERE id = ? AND archived_at IS NULL
                ON CONFLICT DO NOTHING
                RETURNING channel_seq""",
                row -> row.getLong(1),
                m.id(), m.authorId(), m.id(), m.body(), m.bodyFormat(), m.nonce(), m.createdAt(), m.editedAt(),
                m.mentions().json(), m.mentions().channelWide() ? 1 : 0, m.overrideUsername(), m.overrideIconUrl(),
                m.channelId());
    }

    /**
     * Inserts a root message at its direct conversation's next channel_seq, like {@link #insertRoot}; empty
     * when the author already used this nonce. The caller records the seq with {@code DmStore.recordMessage}.
     */
    public static Optional<Long> insertDirect(Connection c, StoredMessage m) throws SQLException {
        return Sql.one(c, "INSERT INTO messages (" + COLUMNS + """
                )
                SELECT ?, workspace_id, NULL, ?, NULL, ?, last_seq + 1, NULL, ?, ?, ?, ?, ?, NULL, id, ?, ?, ?, ?
                  FROM direct_conversations WHERE id = ?
                ON CONFLICT DO NOTHING
                RETURNING channel_seq""",
                row -> row.getLong(1),
                m.id(), m.authorId(), m.id(), m.body(), m.bodyFormat(), m.nonce(), m.createdAt(), m.editedAt(),
                m.mentions().json(), m.mentions().channelWide() ? 1 : 0, m.overrideUsername(), m.overrideIconUrl(),
                m.directConversationId());
    }

    /**
     * Inserts a reply at its thread's next thread_seq and returns that seq; empty when nothing was inserted
     * (the channel was archived, or the author already used this nonce), like {@link #insertRoot}. The caller
     * records the new count with {@code ThreadStore.recordReply}, on the same single writer.
     */
    public static Optional<Long> insertReply(Connection c, StoredMessage m) throws SQLException {
        return Sql.one(c, "INSERT INTO messages (" + COLUMNS + """
                )
                SELECT ?, r.workspace_id, r.channel_id, ?, r.id, r.id, NULL,
                       coalesce((SELECT reply_count FROM thread_state WHERE root_message_id = r.id), 0) + 1,
                       ?, ?, ?, ?, ?, NULL, r.direct_conversation_id, ?, ?, ?, ?
                  FROM messages r LEFT JOIN channels ch ON ch.id = r.channel_id
                 WHERE r.id = ? AND ch.archived_at IS NULL
                ON CONFLICT DO NOTHING
                RETURNING thread_seq""",
                row -> row.getLong(1),
                m.id(), m.authorId(), m.body(), m.bodyFormat(), m.nonce(), m.createdAt(), m.editedAt(),
                m.mentions().json(), m.mentions().channelWide() ? 1 : 0, m.overrideUsername(), m.overrideIconUrl(),
                m.parentMessageId());
    }

    public static Optional<StoredMessage> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM messages WHERE id = ?", MessageStore::map, id);
    }

    public static Optional<StoredMessage> byNonce(Connection c, String authorId, String nonce) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM messages WHERE author_id = ? AND nonce = ?",
                MessageStore::map, authorId, nonce);
    }

    /** The newest root messages, ascending. */
    public static List<StoredMessage> latest(Connection c, Scope scope, String id, int limit) throws SQLException {
        return ascending(Sql.list(c, "SELECT " + COLUMNS + " FROM messages WHERE " + scope.column + """
                 = ? AND channel_seq IS NOT NULL
                ORDER BY channel_seq DESC LIMIT ?""", MessageStore::map, id, limit));
    }

    public static List<StoredMessage> after(Connection c, Scope scope, String id, long seq, int limit) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM messages WHERE " + scope.column + """
                 = ? AND channel_seq > ?
                ORDER BY channel_seq LIMIT ?""", MessageStore::map, id, seq, limit);
    }

    public static List<StoredMessage> before(Connection c, Scope scope, String id, long seq, int limit) throws SQLException {
        return ascending(Sql.list(c, "SELECT " + COLUMNS + " FROM messages WHERE " + scope.column + """
                 = ? AND channel_seq < ?
                ORDER BY channel_seq DESC LIMIT ?""", MessageStore::map, id, seq, limit));
    }

    public static List<StoredMessage> replies(Connection c, String rootId, int limit) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + """
                 FROM messages WHERE thread_root_id = ? AND thread_seq IS NOT NULL
                ORDER BY thread_seq LIMIT ?""", MessageStore::map, rootId, limit);
    }

    /** A new body and the mentions it makes, which replace the old ones. */
    public static void edit(Connection c, String id, String body, String at, MentionStore.Resolved mentions)
            throws SQLException {
        Sql.update(c, "UPDATE messages SET body = ?, edited_at = ?, mentions_json = ?, mentions_channel = ? WHERE id = ?",
                body, at, mentions.json(), mentions.channelWide() ? 1 : 0, id);
    }

    /** Soft delete: the row keeps its place in the timeline, the body is erased. */
    public static void delete(Connection c, String id, String at) throws SQLException {
        Sql.update(c, "UPDATE messages SET body = '', deleted_at = ?, mentions_json = NULL, mentions_channel = 0 WHERE id = ?",
                at, id);
    }

    private static List<StoredMessage> ascending(List<StoredMessage> descending) {
        Collections.reverse(descending);
        return descending;
    }

    private static StoredMessage map(ResultSet row) throws SQLException {
        return new StoredMessage(row.getString("id"), row.getString("workspace_id"), row.getString("channel_id"),
                row.getString("author_id"), row.getString("parent_message_id"), row.getString("thread_root_id"),
                Sql.nullableLong(row, "channel_seq"), Sql.nullableLong(row, "thread_seq"), row.getString("body"),
                row.getString("body_format"), row.getString("nonce"), row.getString("created_at"),
                row.getString("edited_at"), row.getString("deleted_at"),
                row.getString("direct_conversation_id"),
                MentionStore.read(row.getString("mentions_json"), row.getInt("mentions_channel") == 1),
                row.getString("override_username"), row.getString("override_icon_url"));
    }
}
