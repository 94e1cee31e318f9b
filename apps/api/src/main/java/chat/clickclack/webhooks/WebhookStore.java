package chat.clickclack.webhooks;

import chat.clickclack.auth.TokenHash;
import chat.clickclack.db.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** SQL for incoming_webhooks; keys are stored as their SHA-256 only. */
final class WebhookStore {
    private static final String COLUMNS = "id, workspace_id, channel_id, bot_id, name, created_by, created_at, revoked_at";

    private WebhookStore() {}

    static void insert(Connection c, Webhook hook, String key) throws SQLException {
        Sql.update(c, """
                INSERT INTO incoming_webhooks (id, workspace_id, channel_id, bot_id, name, key_hash, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                hook.id(), hook.workspaceId(), hook.channelId(), hook.botId(), hook.name(), TokenHash.of(key),
                hook.createdBy(), hook.createdAt());
    }

    /** The webhook whose key this is, revoked or not. */
    static Optional<Webhook> byKey(Connection c, String key) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM incoming_webhooks WHERE key_hash = ?", WebhookStore::map,
                TokenHash.of(key));
    }

    static Optional<Webhook> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM incoming_webhooks WHERE id = ?", WebhookStore::map, id);
    }

    static java.util.List<Webhook> inWorkspace(Connection c, String workspaceId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM incoming_webhooks WHERE workspace_id = ? ORDER BY id",
                WebhookStore::map, workspaceId);
    }

    /** A new key for a live webhook; false when it is revoked (a revoked URL stays dead). */
    static boolean rotate(Connection c, String id, String key) throws SQLException {
        return Sql.update(c, "UPDATE incoming_webhooks SET key_hash = ? WHERE id = ? AND revoked_at IS NULL",
                TokenHash.of(key), id) == 1;
    }

    static void revoke(Connection c, String id, String at) throws SQLException {
        Sql.update(c, "UPDATE incoming_webhooks SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, id);
    }

    private static Webhook map(ResultSet row) throws SQLException {
        return new Webhook(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), null);
    }
}
