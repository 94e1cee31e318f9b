package chat.clickclack.dms;

import chat.clickclack.db.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** SQL for direct conversations and their members. */
public final class DmStore {
    /** A row of direct_conversations. */
    public record Row(String id, String workspaceId, String memberKey, long lastSeq, String createdAt) {}

    private static final String COLUMNS = "d.id, d.workspace_id, d.member_key, d.last_seq, d.created_at";

    private DmStore() {}

    /** The canonical key of a member set: sorted ids, comma-joined (ids never contain commas). */
    public static String memberKey(Collection<String> memberIds) {
        return String.join(",", new TreeSet<>(memberIds));
    }

    public static Optional<Row> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM direct_conversations d WHERE d.id = ?", DmStore::map, id);
    }

    /** The conversation if {@code userId} is one of its members. */
    public static Optional<Row> forMember(Connection c, String id, String userId) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + """
                 FROM direct_conversations d JOIN direct_members m ON m.conversation_id = d.id AND m.user_id = ?
                WHERE d.id = ?""", DmStore::map, userId, id);
    }

    public static Optional<Row> byKey(Connection c, String workspaceId, String memberKey) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM direct_conversations d WHERE d.workspace_id = ? AND d.member_key = ?",
                DmStore::map, workspaceId, memberKey);
    }

    /** The caller's conversations in a workspace that they have not hidden, most recently active first. */
    public static List<Row> visibleTo(Connection c, String workspaceId, String userId) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + """
                 FROM direct_conversations d JOIN direct_members m ON m.conversation_id = d.id AND m.user_id = ?
                WHERE d.workspace_id = ? AND m.hidden_at IS NULL
                ORDER BY d.last_seq > 0 DESC, d.created_at DESC, d.id""", DmStore::map, userId, workspaceId);
    }

    public static List<String> memberIds(Connection c, String id) throws SQLException {
        return Sql.list(c, "SELECT user_id FROM direct_members WHERE conversation_id = ? ORDER BY user_id",
                row -> row.getString(1), id);
    }

    public static void insert(Connection c, Row row, Collection<String> memberIds) throws SQLException {
        Sql.update(c, "INSERT INTO direct_conversations (id, workspace_id, member_key, last_seq, created_at) VALUES (?, ?, ?, 0, ?)",
                row.id(), row.workspaceId(), row.memberKey(), row.createdAt());
        for (var userId : memberIds) {
            Sql.update(c, "INSERT INTO direct_members (conversation_id, user_id, hidden_at) VALUES (?, ?, NULL)",
                    row.id(), userId);
        }
    }

    /** Hides ({@code at} set) or reopens ({@code at} null) the conversation for one member. */
    public static void setHidden(Connection c, String id, String userId, String at) throws SQLException {
        Sql.update(c, "UPDATE direct_members SET hidden_at = ? WHERE conversation_id = ? AND user_id = ?", at, id, userId);
    }

    /** A new root message: records its seq and reopens the conversation for every member who hid it. */
    public static void recordMessage(Connection c, String id, long seq) throws SQLException {
        Sql.update(c, "UPDATE direct_conversations SET last_seq = ? WHERE id = ?", seq, id);
        Sql.update(c, "UPDATE direct_members SET hidden_at = NULL WHERE conversation_id = ? AND hidden_at IS NOT NULL", id);
    }

    private static Row map(ResultSet row) throws SQLException {
        return new Row(row.getString("id"), row.getString("workspace_id"), row.getString("member_key"),
                row.getLong("last_seq"), row.getString("created_at"));
    }
}
