package chat.clickclack.bots;

import chat.clickclack.db.Sql;
import chat.clickclack.ids.Times;
import chat.clickclack.users.User;
import chat.clickclack.users.UserStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for the bots table: which workspace a bot account belongs to. */
final class BotStore {
    private BotStore() {}

    static void insert(Connection c, String botId, String workspaceId, String createdBy) throws SQLException {
        Sql.update(c, "INSERT INTO bots (user_id, workspace_id, created_by, created_at) VALUES (?, ?, ?, ?)",
                botId, workspaceId, createdBy, Times.now());
    }

    static List<User> inWorkspace(Connection c, String workspaceId) throws SQLException {
        return Sql.list(c, "SELECT " + UserStore.COLUMNS + " " + """
                 FROM bots b JOIN users u ON u.id = b.user_id WHERE b.workspace_id = ? ORDER BY u.id""",
                UserStore::map, workspaceId);
    }

    /** The bot, if it is one of this workspace's. */
    static Optional<User> inWorkspace(Connection c, String workspaceId, String botId) throws SQLException {
        return Sql.one(c, "SELECT " + UserStore.COLUMNS + " " + """
                 FROM bots b JOIN users u ON u.id = b.user_id WHERE b.workspace_id = ? AND b.user_id = ?""",
                UserStore::map, workspaceId, botId);
    }
}
