package chat.clickclack.auth;

import chat.clickclack.db.Sql;
import chat.clickclack.db.Tx;
import chat.clickclack.http.ApiException;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** One-time sign-in tokens: issued by the CLI, exchanged once for a session within their lifetime. */
public final class MagicLinks {
    public static final Duration TTL = Duration.ofMinutes(15);

    private MagicLinks() {}

    public static String issue(Tx tx, String userId) throws SQLException {
        var token = Ids.secret("ccm_");
        var now = Instant.now();
        Sql.update(tx.connection(), """
                INSERT INTO magic_links (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)""",
                TokenHash.of(token), userId, Times.format(now), Times.format(now.plus(TTL)));
        return token;
    }

    /** Marks the token used and returns its user; 401 when unknown, used or expired. */
    public static String consume(Tx tx, String token) throws SQLException {
        var userId = peek(tx.connection(), token);
        Sql.update(tx.connection(), "UPDATE magic_links SET consumed_at = ? WHERE token_hash = ?",
                Times.now(), TokenHash.of(token));
        return userId;
    }

    /** The user a still-usable token belongs to, leaving it usable; 401 when unknown, used or expired. */
    public static String peek(Connection c, String token) throws SQLException {
        record Link(String userId, String expiresAt, String consumedAt) {}
        var link = Sql.one(c, "SELECT user_id, expires_at, consumed_at FROM magic_links WHERE token_hash = ?",
                        row -> new Link(row.getString(1), row.getString(2), row.getString(3)), TokenHash.of(token))
                .orElseThrow(() -> new ApiException.Unauthorized("this sign-in link is not valid"));
        if (link.consumedAt() != null) {
            throw new ApiException.Unauthorized("this sign-in link was already used; ask for a new one");
        }
        if (Instant.parse(link.expiresAt()).isBefore(Instant.now())) {
            throw new ApiException.Unauthorized("this sign-in link has expired; ask for a new one");
        }
        return link.userId();
    }
}
