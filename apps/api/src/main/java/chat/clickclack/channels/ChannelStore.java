package chat.clickclack.channels;

import chat.clickclack.db.Sql;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for channels, including the per-channel message sequence. */
public final class ChannelStore {
    private static final String COLUMNS = "id, workspace_id, name, kind, topic, created_at, archived_at, last_seq";

    private ChannelStore() {}

    public static Channel insert(Connection c, String workspaceId, String name, String kind, String topic,
            String createdBy) throws SQLException {
        var channel = new Channel(Ids.next("chn"), workspaceId, name, kind, topic, Times.now(), null, 0);
        Sql.update(c, """
                INSERT INTO channels (id, workspace_id, name, kind, topic, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                channel.id(), workspaceId, name, channel.kind(), topic, channel.createdAt(), createdBy);
        return channel;
    }

    /** How many channels of the workspace the user created (the per-user quota). */
    public static long createdBy(Connection c, String workspaceId, String userId) throws SQLException {
        return Sql.longValue(c, "SELECT count(*) FROM channels WHERE workspace_id = ? AND created_by = ?", workspaceId, userId);
    }

    /**
     * Private channels show only to their members, and every channel to a guest only once they are in it: the
     * condition, with the user id as both its placeholders.
     */
    private static final String SHOWN_TO = """
             AND ((kind <> 'private' AND NOT EXISTS (SELECT 1 FROM workspace_members gm WHERE gm.workspace_id = channels.workspace_id
                                                        AND gm.user_id = ? AND gm.role = 'guest'))
                  OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = channels.id AND cm.user_id = ?))""";

    /** One page of the channels the user may see, by name, after {@code afterName} (exclusive; null = from the start). */
    public static List<Channel> page(Connection c, String workspaceId, String userId, String afterName, int limit)
            throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM channels WHERE workspace_id = ? AND name > ?" + SHOWN_TO
                        + " ORDER BY name LIMIT ?",
                ChannelStore::map, workspaceId, afterName == null ? "" : afterName, userId, userId, limit);
    }

    public static Optional<Channel> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM channels WHERE id = ?", ChannelStore::map, id);
    }

    /** The channel if the user is a member of its workspace; one query for the common, allowed case. */
    public static Optional<Channel> byIdForMember(Connection c, String id, String userId) throws SQLException {
        return Sql.one(c, """
                SELECT ch.id, ch.workspace_id, ch.name, ch.kind, ch.topic, ch.created_at, ch.archived_at, ch.last_seq
                  FROM channels ch
                  JOIN workspace_members m ON m.workspace_id = ch.workspace_id AND m.user_id = ?
                 WHERE ch.id = ?
                   AND ((ch.kind <> 'private' AND m.role <> 'guest')
                        OR EXISTS (SELECT 1 FROM channel_members cm WHERE cm.channel_id = ch.id AND cm.user_id = m.user_id))""",
                ChannelStore::map, userId, id);
    }

    /** Every channel of the workspace the user may see, by name. */
    public static List<Channel> list(Connection c, String workspaceId, String userId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM channels WHERE workspace_id = ?" + SHOWN_TO + " ORDER BY name",
                ChannelStore::map, workspaceId, userId, userId);
    }

    /** Every channel of the workspace, private ones included (operator tools such as the Slack import). */
    public static List<Channel> all(Connection c, String workspaceId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM channels WHERE workspace_id = ? ORDER BY name",
                ChannelStore::map, workspaceId);
    }

    /** Whether the channel is private (false for an unknown id). */
    public static boolean isPrivate(Connection c, String channelId) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM channels WHERE id = ? AND kind = 'private'", row -> true, channelId).isPresent();
    }

    public static boolean nameTaken(Connection c, String workspaceId, String name, String exceptId) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM channels WHERE workspace_id = ? AND name = ? AND id <> ?",
                row -> true, workspaceId, name, exceptId).isPresent();
    }

    public static void update(Connection c, String id, String name, String kind, String topic, String archivedAt)
            throws SQLException {
        Sql.update(c, "UPDATE channels SET name = ?, kind = ?, topic = ?, archived_at = ? WHERE id = ?",
                name, kind, topic, archivedAt, id);
    }

    /** Makes a channel one that everyone joining the workspace joins. */
    public static void markDefault(Connection c, String channelId) throws SQLException {
        Sql.update(c, "UPDATE channels SET is_default = 1 WHERE id = ?", channelId);
    }

    /** Records the channel_seq a root message just took (see {@code MessageStore.insertRoot}); writer only. */
    public static void setLastSeq(Connection c, String channelId, long seq) throws SQLException {
        Sql.update(c, "UPDATE channels SET last_seq = ? WHERE id = ?", seq, channelId);
    }

    /** Maps a row whose first eight columns are id, workspace_id, name, kind, topic, created_at, archived_at, last_seq. */
    public static Channel map(ResultSet row) throws SQLException {
        return new Channel(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getLong(8));
    }
}
