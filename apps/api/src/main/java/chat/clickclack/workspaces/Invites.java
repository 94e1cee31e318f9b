package chat.clickclack.workspaces;

import chat.clickclack.auth.TokenHash;
import chat.clickclack.db.Database;
import chat.clickclack.db.Sql;
import chat.clickclack.events.Event;
import chat.clickclack.http.ApiException;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Workspace invites: created by an admin (CLI), listed and revoked by admins, accepted by a signed-in user (API). */
public final class Invites {
    public static final Duration DEFAULT_TTL = Duration.ofDays(7);

    /** The workspace joined and the member.joined event (null when the user was already a member). */
    public record Accepted(Workspace workspace, Event event) {}

    private final Database db;

    public Invites(Database db) {
        this.db = db;
    }

    /** Creates an invite and returns its token; only the token's hash is stored. */
    public String create(String workspaceId, String createdBy, Duration ttl) {
        var token = Ids.secret("cci_");
        db.write(tx -> {
            if (!WorkspaceStore.exists(tx.connection(), workspaceId)) {
                throw new ApiException.NotFound("workspace");
            }
            var now = Instant.now();
            return Sql.update(tx.connection(), """
                    INSERT INTO invites (id, workspace_id, token_hash, created_by, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    Ids.next("inv"), workspaceId, TokenHash.of(token), createdBy, Times.format(now),
                    Times.format(now.plus(ttl)));
        });
        return token;
    }

    private static final String COLUMNS = "id, workspace_id, created_by, created_at, expires_at, uses, revoked_at";

    /** The workspace's invites, newest first; owners and moderators only. */
    public List<Invite> list(String userId, String workspaceId) {
        return db.read(c -> {
            Membership.requireModerator(c, workspaceId, userId);
            return Sql.list(c, "SELECT " + COLUMNS + " FROM invites WHERE workspace_id = ? ORDER BY created_at DESC, id DESC",
                    Invites::map, workspaceId);
        });
    }

    /** Revokes an invite so its token stops working; revoking it again changes nothing. Owners and moderators only. */
    public Invite revoke(String userId, String workspaceId, String inviteId) {
        return db.write(tx -> {
            var c = tx.connection();
            Membership.requireModerator(c, workspaceId, userId);
            Sql.update(c, "UPDATE invites SET revoked_at = ? WHERE id = ? AND workspace_id = ? AND revoked_at IS NULL",
                    Times.now(), inviteId, workspaceId);
            return Sql.one(c, "SELECT " + COLUMNS + " FROM invites WHERE id = ? AND workspace_id = ?", Invites::map,
                    inviteId, workspaceId).orElseThrow(() -> new ApiException.NotFound("invite"));
        });
    }

    private static Invite map(ResultSet row) throws SQLException {
        return new Invite(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getLong(6), row.getString(7));
    }

    public Accepted accept(String userId, String token) {
        return db.write(tx -> {
            var c = tx.connection();
            record Found(String id, String workspaceId, String expiresAt, String revokedAt) {}
            var invite = Sql.one(c, "SELECT id, workspace_id, expires_at, revoked_at FROM invites WHERE token_hash = ?",
                            row -> new Found(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                            TokenHash.of(token))
                    .orElseThrow(() -> new ApiException.NotFound("invite"));
            if (invite.revokedAt() != null) {
                throw new ApiException.Gone("this invite was revoked; ask for a new one");
            }
            if (invite.expiresAt() != null && Instant.parse(invite.expiresAt()).isBefore(Instant.now())) {
                throw new ApiException.Gone("this invite has expired; ask for a new one");
            }
            var event = Workspaces.join(tx, invite.workspaceId(), userId, "member");
            Sql.update(c, "UPDATE invites SET uses = uses + 1 WHERE id = ?", invite.id());
            return new Accepted(WorkspaceStore.forMember(c, invite.workspaceId(), userId).orElseThrow(), event);
        });
    }
}
