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
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * Workspace invites: created by owners and moderators (web, API) or an admin (CLI), listed and revoked by
 * owners and moderators, previewed by anyone holding the link, accepted by a signed-in user.
 */
public final class Invites {
    public static final Duration DEFAULT_TTL = Duration.ofDays(7);
    public static final Duration MAX_TTL = Duration.ofDays(365);
    public static final Duration MIN_TTL = Duration.ofMinutes(5);
    public static final long MAX_USES_LIMIT = 100_000;

    /** The workspace joined and the member.joined event (null when the user was already a member). */
    public record Accepted(Workspace workspace, Event event) {}

    /** A new invite and its token, which is shown this once. */
    public record Created(Invite invite, String token) {}

    /** A stored invite found by its token, before the checks that make it usable. */
    private record Found(String id, String workspaceId, String workspaceName, String expiresAt, String revokedAt,
            Long maxUses, long uses) {}

    private final Database db;

    public Invites(Database db) {
        this.db = db;
    }

    /** Creates an invite (as an admin: no permission check) and returns its token; only the token's hash is stored. */
    public String create(String workspaceId, String createdBy, Duration ttl) {
        return create(workspaceId, createdBy, ttl, null).token();
    }

    /** Creates an invite with an optional use limit; no permission check (the CLI's path). */
    public Created create(String workspaceId, String createdBy, Duration ttl, Long maxUses) {
        requireTtl(ttl);
        requireMaxUses(maxUses);
        return db.write(tx -> {
            if (!WorkspaceStore.exists(tx.connection(), workspaceId)) {
                throw new ApiException.NotFound("workspace");
            }
            return insert(tx.connection(), workspaceId, createdBy, ttl, maxUses);
        });
    }

    /** Creates an invite for an owner or moderator of the workspace. */
    public Created createAs(String userId, String workspaceId, Duration ttl, Long maxUses) {
        requireTtl(ttl);
        requireMaxUses(maxUses);
        return db.write(tx -> {
            Membership.require(tx.connection(), workspaceId, userId, Permission.INVITE);
            return insert(tx.connection(), workspaceId, userId, ttl, maxUses);
        });
    }

    private static Created insert(Connection c, String workspaceId, String createdBy, Duration ttl, Long maxUses)
            throws SQLException {
        var token = Ids.secret("cci_");
        var now = Instant.now();
        var invite = new Invite(Ids.next("inv"), workspaceId, createdBy, Times.format(now), Times.format(now.plus(ttl)),
                0, null, maxUses);
        Sql.update(c, """
                INSERT INTO invites (id, workspace_id, token_hash, created_by, created_at, expires_at, max_uses)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                invite.id(), workspaceId, TokenHash.of(token), createdBy, invite.createdAt(), invite.expiresAt(), maxUses);
        return new Created(invite, token);
    }

    private static void requireTtl(Duration ttl) {
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new ApiException.Invalid("an invite must expire after 5 minutes to 365 days");
        }
    }

    private static void requireMaxUses(Long maxUses) {
        if (maxUses != null && (maxUses < 1 || maxUses > MAX_USES_LIMIT)) {
            throw new ApiException.Invalid("max_uses must be between 1 and " + MAX_USES_LIMIT);
        }
    }

    private static final String COLUMNS = "id, workspace_id, created_by, created_at, expires_at, uses, revoked_at, max_uses";

    /** The workspace's invites, newest first; owners and moderators only. */
    public List<Invite> list(String userId, String workspaceId) {
        return db.read(c -> {
            Membership.require(c, workspaceId, userId, Permission.INVITE);
            return Sql.list(c, "SELECT " + COLUMNS + " FROM invites WHERE workspace_id = ? ORDER BY created_at DESC, id DESC",
                    Invites::map, workspaceId);
        });
    }

    /** Revokes an invite so its token stops working; revoking it again changes nothing. Owners and moderators only. */
    public Invite revoke(String userId, String workspaceId, String inviteId) {
        return db.write(tx -> {
            var c = tx.connection();
            Membership.require(c, workspaceId, userId, Permission.INVITE);
            Sql.update(c, "UPDATE invites SET revoked_at = ? WHERE id = ? AND workspace_id = ? AND revoked_at IS NULL",
                    Times.now(), inviteId, workspaceId);
            return Sql.one(c, "SELECT " + COLUMNS + " FROM invites WHERE id = ? AND workspace_id = ?", Invites::map,
                    inviteId, workspaceId).orElseThrow(() -> new ApiException.NotFound("invite"));
        });
    }

    private static Invite map(ResultSet row) throws SQLException {
        long maxUses = row.getLong(8);
        Long max = row.wasNull() ? null : maxUses; // read before any other column: wasNull is about the last one
        return new Invite(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getLong(6), row.getString(7), max);
    }

    /** What the link opens, for anyone holding it; 404 unknown, 410 revoked, expired or used up. */
    public InvitePreview preview(String token) {
        return db.read(c -> {
            var invite = usableOrThrow(c, token);
            return new InvitePreview(invite.workspaceId(), invite.workspaceName(), invite.expiresAt(),
                    invite.maxUses() == null ? null : invite.maxUses() - invite.uses());
        });
    }

    /** The workspace a token invites to, when it can still be used (sign-up paths check this). */
    public static Optional<String> usable(Connection c, String token) throws SQLException {
        try {
            return Optional.of(usableOrThrow(c, token).workspaceId());
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    private static Found usableOrThrow(Connection c, String token) throws SQLException {
        var invite = Sql.one(c, """
                        SELECT i.id, i.workspace_id, w.name, i.expires_at, i.revoked_at, i.max_uses, i.uses
                          FROM invites i JOIN workspaces w ON w.id = i.workspace_id WHERE i.token_hash = ?""",
                        row -> {
                            var maxUses = row.getLong(6);
                            Long max = row.wasNull() ? null : maxUses;
                            return new Found(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                                    row.getString(5), max, row.getLong(7));
                        },
                        TokenHash.of(token == null ? "" : token))
                .orElseThrow(() -> new ApiException.NotFound("invite"));
        if (invite.revokedAt() != null) {
            throw new ApiException.Gone("this invite was revoked; ask for a new one");
        }
        if (invite.expiresAt() != null && Instant.parse(invite.expiresAt()).isBefore(Instant.now())) {
            throw new ApiException.Gone("this invite has expired; ask for a new one");
        }
        if (invite.maxUses() != null && invite.uses() >= invite.maxUses()) {
            throw new ApiException.Gone("this invite has been used up; ask for a new one");
        }
        return invite;
    }

    /** Joins the invite's workspace; a member accepting again changes nothing and uses nothing up. */
    public Accepted accept(String userId, String token) {
        return db.write(tx -> {
            var c = tx.connection();
            var invite = usableOrThrow(c, token);
            var event = Workspaces.join(tx, invite.workspaceId(), userId, "member");
            if (event != null) {
                Sql.update(c, "UPDATE invites SET uses = uses + 1 WHERE id = ?", invite.id());
            }
            return new Accepted(WorkspaceStore.forMember(c, invite.workspaceId(), userId).orElseThrow(), event);
        });
    }
}
