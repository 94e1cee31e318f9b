package chat.clickclack.bots;

import chat.clickclack.auth.BotGrant;
import chat.clickclack.db.Sql;
import chat.clickclack.db.Tx;
import chat.clickclack.http.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for bot_tokens. The secret's hash lives in sessions (see V12). */
public final class BotTokenStore {
    /** A token's columns, with its last use from its session (the authenticator keeps that). */
    private static final String SELECT = """
            SELECT t.id, t.bot_id, t.workspace_id, t.name, t.scopes_json, t.created_by, t.created_at,
                   s.last_used_at, t.revoked_at
              FROM bot_tokens t JOIN sessions s ON s.id = t.session_id""";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private BotTokenStore() {}

    static void insert(Tx tx, BotToken token, String sessionId) throws SQLException {
        Sql.update(tx.connection(), """
                INSERT INTO bot_tokens (id, session_id, bot_id, workspace_id, name, scopes_json, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                token.id(), sessionId, token.botId(), token.workspaceId(), token.name(), Json.write(token.scopes()),
                token.createdBy(), token.createdAt());
    }

    static List<BotToken> ofBot(Connection c, String botId) throws SQLException {
        return Sql.list(c, SELECT + " WHERE t.bot_id = ? ORDER BY t.id", BotTokenStore::map,
                botId);
    }

    static Optional<BotToken> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, SELECT + " WHERE t.id = ?", BotTokenStore::map, id);
    }

    static Optional<String> sessionOf(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT session_id FROM bot_tokens WHERE id = ?", row -> row.getString(1), id);
    }

    static void markRevoked(Tx tx, String id, String at) throws SQLException {
        Sql.update(tx.connection(), "UPDATE bot_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, id);
    }

    /** The grant behind a session; empty when the session is no bot token's. */
    public static Optional<BotGrant> grantOf(Connection c, String sessionId) throws SQLException {
        return Sql.one(c, "SELECT id, workspace_id, scopes_json FROM bot_tokens WHERE session_id = ?",
                row -> new BotGrant(row.getString(1), row.getString(2), java.util.Set.copyOf(scopes(row.getString(3)))),
                sessionId);
    }

    private static BotToken map(ResultSet row) throws SQLException {
        return new BotToken(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                scopes(row.getString(5)), row.getString(6), row.getString(7), row.getString(8), row.getString(9), null);
    }

    private static List<String> scopes(String json) throws SQLException {
        try {
            return Json.MAPPER.readValue(json, STRINGS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable scopes_json", e);
        }
    }
}
