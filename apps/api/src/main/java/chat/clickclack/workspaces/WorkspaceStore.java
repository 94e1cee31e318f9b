package chat.clickclack.workspaces;

import chat.clickclack.db.Sql;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.Json;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import chat.clickclack.users.UserStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SQL for workspaces and their members. */
public final class WorkspaceStore {
    private static final String MEMBER_COLUMNS = "SELECT " + UserStore.COLUMNS + """
            , m.role, m.created_at AS joined_at
            FROM workspace_members m JOIN users u ON u.id = m.user_id""";

    private WorkspaceStore() {}

    public static Workspace insert(Connection c, String name, String slug, String ownerId) throws SQLException {
        var now = Times.now();
        var id = Ids.next("wsp");
        Sql.update(c, "INSERT INTO workspaces (id, name, slug, created_at) VALUES (?, ?, ?, ?)", id, name, slug, now);
        addMember(c, id, ownerId, "owner");
        return new Workspace(id, name, slug, "owner", now, null);
    }

    public static boolean slugTaken(Connection c, String slug) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM workspaces WHERE slug = ?", row -> true, slug).isPresent();
    }

    public static boolean exists(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM workspaces WHERE id = ?", row -> true, id).isPresent();
    }

    /** A workspace as the admin CLI lists it. */
    public record Listing(String id, String slug, String name, int members) {}

    /** Every workspace of the instance with its member count, oldest first. */
    public static List<Listing> listAll(Connection c) throws SQLException {
        return Sql.list(c, """
                SELECT w.id, w.slug, w.name, (SELECT count(*) FROM workspace_members m WHERE m.workspace_id = w.id)
                  FROM workspaces w ORDER BY w.created_at, w.id""",
                row -> new Listing(row.getString(1), row.getString(2), row.getString(3), row.getInt(4)));
    }

    /**
     * The id of the workspace a person named: its id, its slug, or its exact name (in that order), so the CLI
     * can take {@code --workspace "Crustacean Labs"}. A name shared by several workspaces is ambiguous.
     */
    public static Optional<String> resolve(Connection c, String ref) throws SQLException {
        var byIdOrSlug = Sql.one(c, "SELECT id FROM workspaces WHERE id = ? OR slug = ? ORDER BY id = ? DESC LIMIT 1",
                row -> row.getString(1), ref, ref, ref);
        if (byIdOrSlug.isPresent()) {
            return byIdOrSlug;
        }
        var named = Sql.list(c, "SELECT id FROM workspaces WHERE name = ?", row -> row.getString(1), ref);
        if (named.size() > 1) {
            throw new ApiException.Conflict(named.size() + " workspaces are named '" + ref + "'; give the id or the slug");
        }
        return named.stream().findFirst();
    }

    /** Adds the user if not yet a member; returns true when added. */
    public static boolean addMember(Connection c, String workspaceId, String userId, String role) throws SQLException {
        return Sql.update(c, """
                INSERT INTO workspace_members (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                workspaceId, userId, role, Times.now()) == 1;
    }

    public static boolean removeMember(Connection c, String workspaceId, String userId) throws SQLException {
        return Sql.update(c, "DELETE FROM workspace_members WHERE workspace_id = ? AND user_id = ?",
                workspaceId, userId) == 1;
    }

    /** The user's role in the workspace, empty if not a member. */
    public static Optional<String> role(Connection c, String workspaceId, String userId) throws SQLException {
        return Sql.one(c, "SELECT role FROM workspace_members WHERE workspace_id = ? AND user_id = ?",
                row -> row.getString(1), workspaceId, userId);
    }

    public static Optional<Workspace> forMember(Connection c, String workspaceId, String userId) throws SQLException {
        return Sql.one(c, """
                SELECT w.id, w.name, w.slug, m.role, w.created_at, w.icon
                FROM workspaces w JOIN workspace_members m ON m.workspace_id = w.id
                WHERE w.id = ? AND m.user_id = ?""",
                WorkspaceStore::map, workspaceId, userId);
    }

    public static List<Workspace> listForMember(Connection c, String userId) throws SQLException {
        return Sql.list(c, """
                SELECT w.id, w.name, w.slug, m.role, w.created_at, w.icon
                FROM workspaces w JOIN workspace_members m ON m.workspace_id = w.id
                WHERE m.user_id = ? ORDER BY w.created_at, w.id""",
                WorkspaceStore::map, userId);
    }

    /**
     * Members matching the query, by display name, at most {@code max} of them (-1: all). {@code q} matches a
     * substring of the lowercased name or handle; SQLite's lower() folds ASCII letters only.
     */
    public static List<Member> members(Connection c, String workspaceId, MemberQuery query, int max)
            throws SQLException {
        return Sql.list(c, MEMBER_COLUMNS + "\n" + """
                 WHERE m.workspace_id = ?
                   AND (? IS NULL OR m.role = ?)
                   AND (? IS NULL OR instr(lower(u.display_name), ?) > 0 OR instr(lower(u.handle), ?) > 0)
                   AND (? IS NULL OR (u.display_name, u.id) > (?, ?))
                 ORDER BY u.display_name, u.id LIMIT ?""",
                WorkspaceStore::mapMember, workspaceId, query.role(), query.role(), query.q(), query.q(), query.q(),
                query.afterName(), query.afterName(), query.afterId(), max);
    }

    public static Optional<Member> member(Connection c, String workspaceId, String userId) throws SQLException {
        return Sql.one(c, MEMBER_COLUMNS + " WHERE m.workspace_id = ? AND m.user_id = ?",
                WorkspaceStore::mapMember, workspaceId, userId);
    }

    private static Member mapMember(ResultSet row) throws SQLException {
        return new Member(UserStore.map(row), row.getString("role"), row.getString("joined_at"));
    }

    private static Workspace map(ResultSet row) throws SQLException {
        return new Workspace(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6));
    }

    /** The members of these workspaces, as (workspace id, user id) pairs: one query for any number of sockets. */
    public static Set<Map.Entry<String, String>> memberships(Connection c, Collection<String> workspaceIds)
            throws SQLException {
        return new HashSet<>(Sql.list(c, """
                SELECT workspace_id, user_id FROM workspace_members
                 WHERE workspace_id IN (SELECT value FROM json_each(?))""",
                row -> Map.entry(row.getString(1), row.getString(2)), Json.write(workspaceIds)));
    }

    /** The ids of every workspace the user belongs to. */
    public static List<String> workspaceIdsOf(Connection c, String userId) throws SQLException {
        return Sql.list(c, "SELECT workspace_id FROM workspace_members WHERE user_id = ? ORDER BY workspace_id",
                row -> row.getString(1), userId);
    }

    /** How many workspaces the user owns. */
    public static long ownedBy(Connection c, String userId) throws SQLException {
        return Sql.longValue(c, "SELECT count(*) FROM workspace_members WHERE user_id = ? AND role = 'owner'", userId);
    }
}
