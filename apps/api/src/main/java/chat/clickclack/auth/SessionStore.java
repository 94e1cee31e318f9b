package chat.clickclack.auth;

import chat.clickclack.db.Sql;
import chat.clickclack.db.Tx;
import chat.clickclack.http.Json;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Sessions (browser cookies) and bearer tokens, stored by the hash of their secret. */
public final class SessionStore {
    /** A stored session; {@code expiresAt} is null for bearer tokens that do not expire. */
    public record Session(String id, String userId, String kind, String createdAt, String expiresAt, String revokedAt) {
        boolean activeAt(Instant now) {
            return revokedAt == null && (expiresAt == null || Instant.parse(expiresAt).isAfter(now));
        }
    }

    /** A freshly issued session and its secret, which is shown once and never stored. */
    public record Issued(Session session, String token) {}

    private SessionStore() {}

    /** A session as its owner sees it in their list; never its secret. */
    public record Listed(String id, String kind, String createdAt, String lastUsedAt, String expiresAt) {}

    /** Issues a session; 403 when the user is disabled (so no path can sign a disabled user in). */
    public static Issued issue(Tx tx, String userId, String kind, Duration ttl) throws SQLException {
        return issue(tx, userId, kind, ttl, kind.equals("cookie") ? "ccs_" : "cct_");
    }

    /** Like {@link #issue(Tx, String, String, Duration)}, with the secret's prefix ({@code ccb_} for bot tokens). */
    public static Issued issue(Tx tx, String userId, String kind, Duration ttl, String prefix) throws SQLException {
        Accounts.requireEnabled(tx.connection(), userId);
        var token = Ids.secret(prefix);
        var now = Instant.now();
        var session = new Session(Ids.next("ses"), userId, kind, Times.format(now),
                ttl == null ? null : Times.format(now.plus(ttl)), null);
        Sql.update(tx.connection(), """
                INSERT INTO sessions (id, user_id, token_hash, kind, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""",
                session.id(), userId, TokenHash.of(token), kind, session.createdAt(), session.expiresAt());
        return new Issued(session, token);
    }

    public static Optional<Session> byToken(Connection c, String token) throws SQLException {
        return Sql.one(c, """
                SELECT id, user_id, kind, created_at, expires_at, revoked_at FROM sessions WHERE token_hash = ?""",
                row -> new Session(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6)),
                TokenHash.of(token));
    }

    public static boolean revoke(Tx tx, String sessionId) throws SQLException {
        return Sql.update(tx.connection(), "UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                Times.now(), sessionId) == 1;
    }

    /** The user's sessions that are neither revoked nor expired, newest first. */
    public static List<Listed> activeOf(Connection c, String userId) throws SQLException {
        return Sql.list(c, """
                SELECT id, kind, created_at, last_used_at, expires_at FROM sessions
                 WHERE user_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
                 ORDER BY created_at DESC, id DESC""",
                row -> new Listed(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5)),
                userId, Times.now());
    }

    /** Revokes one of the user's own sessions; false when it is not theirs or not active. */
    public static boolean revokeOwn(Tx tx, String userId, String sessionId) throws SQLException {
        return Sql.update(tx.connection(), """
                UPDATE sessions SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL""",
                Times.now(), sessionId, userId) == 1;
    }

    /** Revokes every active session and token of the user; returns their ids. */
    public static List<String> revokeAllOf(Tx tx, String userId) throws SQLException {
        var ids = Sql.list(tx.connection(), "SELECT id FROM sessions WHERE user_id = ? AND revoked_at IS NULL",
                row -> row.getString(1), userId);
        Sql.update(tx.connection(), "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                Times.now(), userId);
        return ids;
    }

    public static void touch(Tx tx, String sessionId, Instant at) throws SQLException {
        Sql.update(tx.connection(), "UPDATE sessions SET last_used_at = ? WHERE id = ?", Times.format(at), sessionId);
    }

    /** True while the session exists and is neither revoked nor expired. */
    public static boolean active(Connection c, String sessionId) throws SQLException {
        return Sql.one(c, "SELECT revoked_at, expires_at FROM sessions WHERE id = ?",
                row -> new Session(sessionId, "", "", "", row.getString(2), row.getString(1)).activeAt(Instant.now()),
                sessionId).orElse(false);
    }

    /** Which of these sessions exist and are neither revoked nor expired: one query for any number of sockets. */
    public static Set<String> activeAmong(Connection c, Collection<String> sessionIds) throws SQLException {
        return new HashSet<>(Sql.list(c, """
                SELECT id FROM sessions
                 WHERE id IN (SELECT value FROM json_each(?)) AND revoked_at IS NULL
                   AND (expires_at IS NULL OR expires_at > ?)""",
                row -> row.getString(1), Json.write(sessionIds), Times.now()));
    }
}
