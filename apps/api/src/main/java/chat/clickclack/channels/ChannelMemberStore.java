package chat.clickclack.channels;

import chat.clickclack.db.Sql;
import chat.clickclack.ids.Times;
import chat.clickclack.users.UserStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SQL for channel_members: who is in which channel. */
public final class ChannelMemberStore {
    private ChannelMemberStore() {}

    /** Adds the user if not yet a member; true when added. */
    public static boolean add(Connection c, String channelId, String userId) throws SQLException {
        return Sql.update(c, """
                INSERT INTO channel_members (channel_id, user_id, joined_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", channelId, userId, Times.now()) == 1;
    }

    /** Removes the user; true when they were a member. */
    public static boolean remove(Connection c, String channelId, String userId) throws SQLException {
        return Sql.update(c, "DELETE FROM channel_members WHERE channel_id = ? AND user_id = ?", channelId, userId) == 1;
    }

    /** Takes the user out of every channel of the workspace (they left or were removed from it). */
    public static void removeFromWorkspace(Connection c, String workspaceId, String userId) throws SQLException {
        Sql.update(c, """
                DELETE FROM channel_members
                 WHERE user_id = ? AND channel_id IN (SELECT id FROM channels WHERE workspace_id = ?)""",
                userId, workspaceId);
    }

    public static boolean isMember(Connection c, String channelId, String userId) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM channel_members WHERE channel_id = ? AND user_id = ?", row -> true,
                channelId, userId).isPresent();
    }

    /** The members of a channel by display name. */
    public static List<ChannelMember> members(Connection c, String channelId) throws SQLException {
        return Sql.list(c, "SELECT " + UserStore.COLUMNS + """
                , cm.joined_at FROM channel_members cm JOIN users u ON u.id = cm.user_id
                 WHERE cm.channel_id = ? ORDER BY u.display_name, u.id""",
                row -> new ChannelMember(UserStore.map(row), row.getString("joined_at")), channelId);
    }

    public static Optional<ChannelMember> member(Connection c, String channelId, String userId) throws SQLException {
        return Sql.one(c, "SELECT " + UserStore.COLUMNS + """
                , cm.joined_at FROM channel_members cm JOIN users u ON u.id = cm.user_id
                 WHERE cm.channel_id = ? AND cm.user_id = ?""",
                row -> new ChannelMember(UserStore.map(row), row.getString("joined_at")), channelId, userId);
    }

    /** The user ids of a channel's members (the realtime hub's membership cache loads these). */
    public static Set<String> memberIds(Connection c, String channelId) throws SQLException {
        return new HashSet<>(Sql.list(c, "SELECT user_id FROM channel_members WHERE channel_id = ?",
                row -> row.getString(1), channelId));
    }

    /** The channels of the workspace the user is in, with their notification preference in each. */
    public static Map<String, String> joinedIn(Connection c, String workspaceId, String userId) throws SQLException {
        var out = new HashMap<String, String>();
        for (var row : Sql.list(c, """
                SELECT cm.channel_id, cm.notification_preference FROM channel_members cm
                  JOIN channels ch ON ch.id = cm.channel_id
                 WHERE cm.user_id = ? AND ch.workspace_id = ?""",
                row -> Map.entry(row.getString(1), row.getString(2)), userId, workspaceId)) {
            out.put(row.getKey(), row.getValue());
        }
        return out;
    }

    /** The member's preference, empty when they are not in the channel. */
    public static Optional<String> preference(Connection c, String channelId, String userId) throws SQLException {
        return Sql.one(c, "SELECT notification_preference FROM channel_members WHERE channel_id = ? AND user_id = ?",
                row -> row.getString(1), channelId, userId);
    }

    /** Sets a member's preference; false when they are not in the channel. */
    public static boolean setPreference(Connection c, String channelId, String userId, String preference)
            throws SQLException {
        return Sql.update(c, "UPDATE channel_members SET notification_preference = ? WHERE channel_id = ? AND user_id = ?",
                preference, channelId, userId) == 1;
    }

    /** Head counts of every channel of the workspace that has members. */
    public static Map<String, Long> counts(Connection c, String workspaceId) throws SQLException {
        var out = new HashMap<String, Long>();
        for (var row : Sql.list(c, """
                SELECT cm.channel_id, count(*) FROM channel_members cm JOIN channels ch ON ch.id = cm.channel_id
                 WHERE ch.workspace_id = ? GROUP BY cm.channel_id""",
                row -> Map.entry(row.getString(1), row.getLong(2)), workspaceId)) {
            out.put(row.getKey(), row.getValue());
        }
        return out;
    }

    /** The workspace's default channels (joined by everyone who joins the workspace). */
    public static List<String> defaults(Connection c, String workspaceId) throws SQLException {
        return Sql.list(c, "SELECT id FROM channels WHERE workspace_id = ? AND is_default = 1 ORDER BY name",
                row -> row.getString(1), workspaceId);
    }
}
