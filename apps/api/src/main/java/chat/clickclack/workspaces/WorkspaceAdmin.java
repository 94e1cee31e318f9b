package chat.clickclack.workspaces;

import chat.clickclack.db.Database;
import chat.clickclack.db.Sql;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventStore.NewEvent;
import chat.clickclack.events.EventTypes;
import chat.clickclack.http.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Running a workspace: renaming it (name, slug, icon), changing members' roles, handing ownership on. Owners and moderators
 * rename; only an owner changes roles or transfers ownership. Each change writes a durable event.
 */
public final class WorkspaceAdmin {
    /** A workspace as the caller sees it after a change, and the event that announced it. */
    public record Changed(Workspace workspace, Event event) {}

    /** A member after a role change, and its event. */
    public record RoleChanged(Member member, Event event) {}

    /** The roles an owner may give; owner goes by transfer, bot belongs to bot accounts. */
    private static final Set<String> GRANTABLE = Set.of("moderator", "member", "guest");

    private final Database db;

    public WorkspaceAdmin(Database db) {
        this.db = db;
    }

    /** Renames, re-slugs or changes the icon; each argument null = unchanged ({@code rawIcon} "" clears it). */
    public Changed update(String userId, String workspaceId, String rawName, String rawSlug, String rawIcon) {
        if (rawName == null && rawSlug == null && rawIcon == null) {
            throw new ApiException.Invalid("nothing to update: send name, slug and/or icon");
        }
        var name = rawName == null ? null : Workspaces.requireWorkspaceName(rawName);
        var slug = rawSlug == null ? null : Workspaces.requireSlug(rawSlug);
        var icon = rawIcon == null ? null : WorkspaceIcon.require(rawIcon);
        return db.write(tx -> {
            var c = tx.connection();
            Membership.require(c, workspaceId, userId, Permission.EDIT_WORKSPACE);
            var current = WorkspaceStore.forMember(c, workspaceId, userId).orElseThrow();
            var newSlug = slug == null ? current.slug() : slug;
            if (!newSlug.equals(current.slug()) && WorkspaceStore.slugTaken(c, newSlug)) {
                throw new ApiException.Conflict("a workspace with slug '" + newSlug + "' already exists");
            }
            Sql.update(c, "UPDATE workspaces SET name = ?, slug = ?, icon = ? WHERE id = ?",
                    name == null ? current.name() : name, newSlug, rawIcon == null ? current.icon() : icon, workspaceId);
            var workspace = WorkspaceStore.forMember(c, workspaceId, userId).orElseThrow();
            var payload = new LinkedHashMap<String, Object>();
            payload.put("workspace_id", workspaceId);
            payload.put("name", workspace.name());
            payload.put("slug", workspace.slug());
            if (workspace.icon() != null) {
                payload.put("icon", workspace.icon());
            }
            var event = EventStore.append(tx, new NewEvent(EventTypes.WORKSPACE_UPDATED, workspaceId, null, null,
                    workspaceId, payload));
            return new Changed(workspace, event);
        });
    }

    public RoleChanged changeRole(String actorId, String workspaceId, String userId, String role) {
        if (role == null) {
            throw new ApiException.Invalid("role is required");
        }
        if (!GRANTABLE.contains(role)) {
            throw new ApiException.Invalid("role must be moderator, member or guest (ownership moves by transfer)");
        }
        return db.write(tx -> {
            var c = tx.connection();
            Membership.require(c, workspaceId, actorId, Permission.CHANGE_ROLE);
            var member = WorkspaceStore.member(c, workspaceId, userId).orElseThrow(() -> new ApiException.NotFound("member"));
            if (member.role().equals("owner")) {
                throw new ApiException.Conflict("an owner's role changes only by transferring ownership");
            }
            if (member.role().equals("bot")) {
                throw new ApiException.Conflict("bot accounts keep the bot role");
            }
            setRole(c, workspaceId, userId, role);
            var changed = WorkspaceStore.member(c, workspaceId, userId).orElseThrow();
            var event = EventStore.append(tx, new NewEvent(EventTypes.MEMBER_UPDATED, workspaceId, null, null, userId,
                    Map.of("user_id", userId, "role", role, "user", changed.user())));
            return new RoleChanged(changed, event);
        });
    }

    /** The owner hands the workspace to another member, who becomes owner; the caller becomes a moderator. */
    public Changed transferOwnership(String actorId, String workspaceId, String userId) {
        if (userId == null || userId.isBlank()) {
            throw new ApiException.Invalid("user_id is required");
        }
        return db.write(tx -> {
            var c = tx.connection();
            Membership.require(c, workspaceId, actorId, Permission.TRANSFER_OWNERSHIP);
            var target = WorkspaceStore.member(c, workspaceId, userId).orElseThrow(() -> new ApiException.NotFound("member"));
            if (userId.equals(actorId)) {
                throw new ApiException.Conflict("you already own this workspace");
            }
            if (target.role().equals("bot")) {
                throw new ApiException.Conflict("a bot account cannot own a workspace");
            }
            setRole(c, workspaceId, userId, "owner");
            setRole(c, workspaceId, actorId, "moderator");
            var event = EventStore.append(tx, new NewEvent(EventTypes.WORKSPACE_OWNERSHIP_TRANSFERRED, workspaceId, null,
                    null, workspaceId, Map.of("workspace_id", workspaceId, "from_user_id", actorId, "to_user_id", userId)));
            return new Changed(WorkspaceStore.forMember(c, workspaceId, actorId).orElseThrow(), event);
        });
    }

    private static void setRole(java.sql.Connection c, String workspaceId, String userId, String role)
            throws java.sql.SQLException {
        Sql.update(c, "UPDATE workspace_members SET role = ? WHERE workspace_id = ? AND user_id = ?",
                role, workspaceId, userId);
    }
}
