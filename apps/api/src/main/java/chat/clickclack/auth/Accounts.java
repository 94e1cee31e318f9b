package chat.clickclack.auth;

import chat.clickclack.db.Sql;
import chat.clickclack.db.Tx;
import chat.clickclack.events.Audience;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventStore.NewEvent;
import chat.clickclack.http.ApiException;
import chat.clickclack.ids.Times;
import chat.clickclack.workspaces.WorkspaceStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Disabled accounts. Disabling a user revokes every session and token of theirs and ends their open
 * sockets at once; afterwards no sign-in path (magic link, GitHub, a new CLI token) issues them a session.
 *
 * <p>Why an event: the CLI that disables is another process than the server holding the sockets. It writes
 * a {@link #USER_DISABLED} event (addressed to the user alone, in each workspace they belong to) in the same
 * transaction; the server's hub picks up foreign writes within a second, and the socket sender closes the
 * user's sockets with 1008 when it meets the event, without delivering it.
 */
public final class Accounts {
    /** Durable, addressed to the disabled user; never delivered: it closes the user's sockets. */
    public static final String USER_DISABLED = "user.disabled";

    private Accounts() {}

    public static boolean disabled(Connection c, String userId) throws SQLException {
        return Sql.one(c, "SELECT disabled_at FROM users WHERE id = ?", row -> row.getString(1) != null, userId)
                .orElse(false);
    }

    /** 403 for a disabled user: every path that issues a session calls this first. */
    public static void requireEnabled(Connection c, String userId) throws SQLException {
        if (disabled(c, userId)) {
            throw new ApiException.Forbidden("this account is disabled; ask an admin");
        }
    }

    /** Disables the user and revokes all their sessions; returns the revoked session ids (empty if already disabled). */
    public static List<String> disable(Tx tx, String userId) throws SQLException {
        var c = tx.connection();
        Sql.update(c, "UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL", Times.now(), userId);
        var revoked = SessionStore.revokeAllOf(tx, userId);
        // Unused sign-in links must not outlive the account either.
        Sql.update(c, "UPDATE magic_links SET consumed_at = ? WHERE user_id = ? AND consumed_at IS NULL", Times.now(), userId);
        for (var workspaceId : WorkspaceStore.workspaceIdsOf(c, userId)) {
            EventStore.append(tx, new NewEvent(USER_DISABLED, workspaceId, null, null, userId,
                    Map.of("user_id", userId), Audience.user(userId)));
        }
        return revoked;
    }

    /** A user as an operator lists them; {@code email} and {@code disabledAt} may be null. */
    public record Listed(String id, String kind, String displayName, String handle, String email, String createdAt,
            String disabledAt) {}

    /** Every user, oldest first, with their sign-in email and whether they are disabled. */
    public static List<Listed> list(Connection c) throws SQLException {
        return Sql.list(c, """
                SELECT u.id, u.kind, u.display_name, u.handle,
                       (SELECT email FROM identities i WHERE i.user_id = u.id AND i.provider = 'email' LIMIT 1),
                       u.created_at, u.disabled_at
                  FROM users u ORDER BY u.created_at, u.id""",
                row -> new Listed(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7)));
    }

    /** Lets a disabled user sign in again (their old sessions stay revoked). */
    public static boolean enable(Tx tx, String userId) throws SQLException {
        return Sql.update(tx.connection(), "UPDATE users SET disabled_at = NULL WHERE id = ? AND disabled_at IS NOT NULL",
                userId) == 1;
    }
}
