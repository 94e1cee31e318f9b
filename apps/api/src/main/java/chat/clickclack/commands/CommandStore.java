package chat.clickclack.commands;

import chat.clickclack.auth.TokenHash;
import chat.clickclack.db.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for slash_commands and command_response_tokens (tokens stored as their SHA-256 only). */
final class CommandStore {
    private static final String COLUMNS = "id, workspace_id, trigger, url, description, usage_hint, secret, bot_id, "
            + "created_by, created_at, revoked_at";

    /** A response_url token's row. */
    /** A response URL's row; {@code threadRootId} is set when the command ran in a thread. */
    record ResponseToken(String commandId, String channelId, String threadRootId, String userId, String expiresAt,
            int uses) {}

    private CommandStore() {}

    static void insert(Connection c, RegisteredCommand cmd) throws SQLException {
        Sql.update(c, "INSERT INTO slash_commands (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                cmd.id(), cmd.workspaceId(), cmd.trigger(), cmd.url(), cmd.description(), cmd.usageHint(),
                cmd.secret(), cmd.botId(), cmd.createdBy(), cmd.createdAt(), cmd.revokedAt());
    }

    static Optional<RegisteredCommand> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM slash_commands WHERE id = ?", CommandStore::map, id);
    }

    static Optional<RegisteredCommand> live(Connection c, String workspaceId, String trigger) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM slash_commands WHERE workspace_id = ? AND trigger = ? "
                + "AND revoked_at IS NULL", CommandStore::map, workspaceId, trigger);
    }

    static List<RegisteredCommand> liveInWorkspace(Connection c, String workspaceId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM slash_commands WHERE workspace_id = ? AND revoked_at IS NULL "
                + "ORDER BY trigger", CommandStore::map, workspaceId);
    }

    static void revoke(Connection c, String id, String at) throws SQLException {
        Sql.update(c, "UPDATE slash_commands SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, id);
    }

    static boolean rotate(Connection c, String id, String secret) throws SQLException {
        return Sql.update(c, "UPDATE slash_commands SET secret = ? WHERE id = ? AND revoked_at IS NULL", secret, id) == 1;
    }

    static void insertToken(Connection c, String token, String commandId, String channelId, String threadRootId,
            String userId, String expiresAt) throws SQLException {
        Sql.update(c, "INSERT INTO command_response_tokens (token_hash, command_id, channel_id, thread_root_id, "
                + "user_id, expires_at) VALUES (?, ?, ?, ?, ?, ?)", TokenHash.of(token), commandId, channelId,
                threadRootId, userId, expiresAt);
    }

    static Optional<ResponseToken> token(Connection c, String token) throws SQLException {
        return Sql.one(c, "SELECT command_id, channel_id, thread_root_id, user_id, expires_at, uses "
                + "FROM command_response_tokens WHERE token_hash = ?", row -> new ResponseToken(row.getString(1),
                        row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getInt(6)),
                TokenHash.of(token));
    }

    /** Counts one use unless the token is used up; false when it was. */
    static boolean useToken(Connection c, String token, int maxUses) throws SQLException {
        return Sql.update(c, "UPDATE command_response_tokens SET uses = uses + 1 WHERE token_hash = ? AND uses < ?",
                TokenHash.of(token), maxUses) == 1;
    }

    /** Drops tokens that expired before {@code cutoff}; they answer 404 afterwards instead of 410. */
    static void pruneTokens(Connection c, String cutoff) throws SQLException {
        Sql.update(c, "DELETE FROM command_response_tokens WHERE expires_at < ?", cutoff);
    }

    private static RegisteredCommand map(ResultSet row) throws SQLException {
        return new RegisteredCommand(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                row.getString(10), row.getString(11));
    }
}
