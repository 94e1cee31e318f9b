package chat.clickclack.workspaces;

import chat.clickclack.channels.Channel;
import chat.clickclack.channels.ChannelMemberStore;
import chat.clickclack.channels.ChannelMembership;
import chat.clickclack.channels.ChannelStore;
import chat.clickclack.channels.Channels;
import chat.clickclack.db.Database;
import chat.clickclack.db.Tx;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventStore.NewEvent;
import chat.clickclack.events.EventTypes;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.DisplayText;
import chat.clickclack.users.UserStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Workspace rules: creating one (with its #general), membership, removal. */
public final class Workspaces {
    /** A new workspace, its #general channel and the workspace.created event. */
    public record Created(Workspace workspace, Channel channel, Event event) {}

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    private static final int MAX_NAME_LENGTH = 80;

    private final Database db;
    private final int maxOwnedWorkspaces;

    /** {@code maxOwnedWorkspaces}: how many workspaces one user may create (quota_workspaces_per_user). */
    public Workspaces(Database db, int maxOwnedWorkspaces) {
        this.db = db;
        this.maxOwnedWorkspaces = maxOwnedWorkspaces;
    }

    public Created create(String userId, String name, String slug) {
        var cleanName = requireWorkspaceName(name);
        var cleanSlug = slug == null ? null : requireSlug(slug);
        return db.write(tx -> {
            // The creator is the owner; counting owned workspaces counts the ones they created.
            if (WorkspaceStore.ownedBy(tx.connection(), userId) >= maxOwnedWorkspaces) {
                throw new ApiException.Conflict("you own " + maxOwnedWorkspaces
                        + " workspaces, the most one person may create here");
            }
            return create(tx, userId, cleanName, cleanSlug);
        });
    }

    /** Creates a workspace owned by the user, inside an existing transaction (also used by bootstrap). */
    public static Created create(Tx tx, String ownerId, String name, String slug) throws SQLException {
        var c = tx.connection();
        String finalSlug;
        if (slug == null) {
            finalSlug = freeSlug(tx, slugOf(name));
        } else if (WorkspaceStore.slugTaken(c, slug)) {
            throw new ApiException.Conflict("a workspace with slug '" + slug + "' already exists");
        } else {
            finalSlug = slug;
        }
        var workspace = WorkspaceStore.insert(c, name, finalSlug, ownerId);
        var event = EventStore.append(tx, new NewEvent(EventTypes.WORKSPACE_CREATED, workspace.id(), null, null,
                workspace.id(), Map.of("workspace_id", workspace.id(), "workspace", workspace)));
        // #general comes with the workspace: made by nobody, so it counts for no one's channel quota.
        var general = Channels.create(tx, workspace.id(), Channels.GENERAL,
                "Company-wide chatter. The lobster is on duty.", null);
        ChannelStore.markDefault(c, general.channel().id());
        ChannelMembership.join(tx, general.channel(), ownerId, null);
        return new Created(workspace, general.channel(), event);
    }

    public List<Workspace> list(String userId) {
        return db.read(c -> WorkspaceStore.listForMember(c, userId));
    }

    public Workspace get(String userId, String workspaceId) {
        return db.read(c -> {
            Membership.require(c, workspaceId, userId);
            return WorkspaceStore.forMember(c, workspaceId, userId).orElseThrow();
        });
    }

    /** A page of members: {@code nextCursor} is null when no more follow. */
    public record MemberPage(List<Member> members, String nextCursor) {
        public boolean hasMore() {
            return nextCursor != null;
        }
    }

    public List<Member> members(String userId, String workspaceId) {
        return members(userId, workspaceId, MemberQuery.everyone()).members();
    }

    /** The members matching the query; an unpaged query gets all of them, a paged one one page. */
    public MemberPage members(String userId, String workspaceId, MemberQuery query) {
        var rows = db.read(c -> {
            Membership.require(c, workspaceId, userId);
            return WorkspaceStore.members(c, workspaceId, query, query.limit() == null ? -1 : query.limit() + 1);
        });
        if (query.limit() == null || rows.size() <= query.limit()) {
            return new MemberPage(rows, null);
        }
        var shown = List.copyOf(rows.subList(0, query.limit()));
        return new MemberPage(shown, MemberQuery.cursorAfter(shown.getLast()));
    }

    /** Adds a member and writes member.joined; returns null when the user already belonged. */
    public static Event join(Tx tx, String workspaceId, String userId, String role) throws SQLException {
        if (!WorkspaceStore.addMember(tx.connection(), workspaceId, userId, role)) {
            return null;
        }
        var user = UserStore.byId(tx.connection(), userId).orElseThrow();
        var joined = EventStore.append(tx, new NewEvent(EventTypes.MEMBER_JOINED, workspaceId, null, null, userId,
                Map.of("user_id", userId, "role", role, "user", user)));
        ChannelMembership.joinDefaults(tx, workspaceId, userId);
        return joined;
    }

    /**
     * Removes a member (owners and moderators; only the owner removes a moderator; an owner cannot be removed).
     * Their sockets close when the hub delivers {@code member.removed} (the sender ends them after that event),
     * and every later request of theirs is refused, since access is read from workspace_members each time.
     */
    public Event removeMember(String actorId, String workspaceId, String userId) {
        return db.write(tx -> {
            var c = tx.connection();
            var actorRole = Membership.require(c, workspaceId, actorId, Permission.REMOVE_MEMBER);
            var member = WorkspaceStore.member(c, workspaceId, userId)
                    .orElseThrow(() -> new ApiException.NotFound("member"));
            if (member.role().equals("owner")) {
                throw new ApiException.Conflict("workspace owners cannot be removed");
            }
            if (member.role().equals("moderator") && !actorRole.equals("owner")) {
                throw new ApiException.Forbidden("only the workspace owner may remove a moderator");
            }
            WorkspaceStore.removeMember(c, workspaceId, userId);
            // member.removed says it all: their channel memberships go without an event each.
            ChannelMemberStore.removeFromWorkspace(c, workspaceId, userId);
            return EventStore.append(tx, new NewEvent(EventTypes.MEMBER_REMOVED, workspaceId, null, null, userId,
                    Map.of("user_id", userId, "role", member.role(), "user", member.user())));
        });
    }

    public static String requireWorkspaceName(String name) {
        if (name == null || name.isBlank()) {
            throw new ApiException.Invalid("workspace name must not be empty");
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            throw new ApiException.Invalid("workspace name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return DisplayText.require("workspace name", name.strip());
    }

    static String requireSlug(String slug) {
        var clean = slug.strip().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(clean).matches()) {
            throw new ApiException.Invalid("slug must be 1-63 characters of lowercase letters, digits or '-'");
        }
        return clean;
    }

    private static String slugOf(String name) {
        var slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            slug = "workspace";
        }
        return slug.length() > 56 ? slug.substring(0, 56) : slug;
    }

    private static String freeSlug(Tx tx, String base) throws SQLException {
        var candidate = base;
        for (int n = 2; WorkspaceStore.slugTaken(tx.connection(), candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }
}
