package chat.clickclack.bots;

import chat.clickclack.auth.BotGrant;
import chat.clickclack.db.Sql;
import chat.clickclack.db.Tx;
import chat.clickclack.http.Json;
import chat.clickclack.ids.Times;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for bot_tokens. The secret's hash lives in sessions (see V12). */
public final class BotTokenStore {
    private static final String COLUMNS = """
            id, bot_id, workspace_id, name, scopes_json, created_by, created_at, last_used_at, revoked_at""";
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
        return Sql.list(c, "SELECT " + COLUMNS + " FROM bot_tokens WHERE bot_id = ? ORDER BY id", BotTokenStore::map,
                botId);
    }

    static Optional<BotToken> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM bot_tokens WHERE id = ?", BotTokenStore::map, id);
    }

    static Optional<String> sessionOf(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT session_id FROM bot_tokens WHERE id = ?", row -> row.getString(1), id);
    }

    static void markRevoked(Tx tx, String id, String at) throws SQLException {
        Sql.update(tx.connection(), "UPDATE bot_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, id);
    }

    /** The grant behind a session, with when the token was last used; empty when the session is no bot token's. */
    public static Optional<Used> grantOf(Connection c, String sessionId) throws SQLException {
        return Sql.one(c, "SELECT id, workspace_id, scopes_json, last_used_at FROM bot_tokens WHERE session_id = ?",
                row -> new Used(new BotGrant(row.getString(1), row.getString(2),
                        java.util.Set.copyOf(scopes(row.getString(3)))), row.getString(4)),
                sessionId);
    }

    /** A grant and when its token was last used (null: never). */
    public record Used(BotGrant grant, String lastUsedAt) {}

    public static void touch(Tx tx, String tokenId) throws SQLException {
        Sql.update(tx.connection(), "UPDATE bot_tokens SET last_used_at = ? WHERE id = ?", Times.now(), tokenId);
    }

    private static BotToken map(ResultSet row) throws SQLException {
        return new BotToken(row.getString("id"), row.getString("bot_id"), row.getString("workspace_id"),
                row.getString("name"), scopes(row.getString("scopes_json")), row.getString("created_by"),
                row.getString("created_at"), row.getString("last_used_at"), row.getString("revoked_at"), null);
    }

    private static List<String> scopes(String json) throws SQLException {
        try {
            return Json.MAPPER.readValue(json, STRINGS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable scopes_json", e);
        }
    }
}
