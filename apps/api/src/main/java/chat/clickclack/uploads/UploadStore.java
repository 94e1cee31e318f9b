package chat.clickclack.uploads;

import chat.clickclack.db.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SQL for the uploads and message_attachments tables, nothing else. */
public final class UploadStore {
    private static final String COLUMNS = "u.id, u.workspace_id, u.owner_id, u.filename, u.content_type, u.byte_size,"
            + " u.sha256, u.width, u.height, u.storage_path, u.created_at";

    private UploadStore() {}

    static void insert(Connection c, StoredUpload u) throws SQLException {
        Sql.update(c, """
                INSERT INTO uploads (id, workspace_id, owner_id, filename, content_type, byte_size, sha256, width, height,
                    storage_path, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                u.id(), u.workspaceId(), u.ownerId(), u.filename(), u.contentType(), u.byteSize(), u.sha256(), u.width(),
                u.height(), u.storagePath(), u.createdAt());
    }

    public static Optional<StoredUpload> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM uploads u WHERE u.id = ?", UploadStore::row, id);
    }

    /** The message an upload is attached to, if any. */
    public static Optional<String> attachedTo(Connection c, String uploadId) throws SQLException {
        return Sql.one(c, "SELECT message_id FROM message_attachments WHERE upload_id = ?", r -> r.getString(1), uploadId);
    }

    /** The attachments of each message (in position order); messages without any are absent. One query. */
    public static Map<String, List<Upload>> forMessages(Connection c, List<String> messageIds) throws SQLException {
        var out = new LinkedHashMap<String, List<Upload>>();
        if (messageIds.isEmpty()) {
            return out;
        }
        var marks = String.join(",", java.util.Collections.nCopies(messageIds.size(), "?"));
        Sql.list(c, "SELECT a.message_id, " + COLUMNS + " FROM message_attachments a JOIN uploads u ON u.id = a.upload_id"
                        + " WHERE a.message_id IN (" + marks + ") ORDER BY a.message_id, a.position",
                r -> Map.entry(r.getString("message_id"), row(r).view()), messageIds.toArray())
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    public static int attachmentCount(Connection c, String messageId) throws SQLException {
        return (int) Sql.longValue(c, "SELECT count(*) FROM message_attachments WHERE message_id = ?", messageId);
    }

    /**
     * Attaches uploads to a message after its current attachments. The primary key on upload_id makes a
     * second attachment of the same upload fail here, inside the message's own write unit.
     */
    public static void attach(Connection c, String messageId, List<String> uploadIds, String now) throws SQLException {
        int position = attachmentCount(c, messageId);
        for (var uploadId : uploadIds) {
            Sql.update(c, "INSERT INTO message_attachments (upload_id, message_id, position, created_at) VALUES (?, ?, ?, ?)",
                    uploadId, messageId, position++, now);
        }
    }

    /** Of these uploads, the ones already attached to a message. */
    static Set<String> attached(Connection c, List<String> uploadIds) throws SQLException {
        var out = new HashSet<String>();
        for (var id : uploadIds) {
            if (attachedTo(c, id).isPresent()) {
                out.add(id);
            }
        }
        return out;
    }

    /** Unattached uploads created before {@code cutoff} that are nobody's avatar: the sweeper's work. */
    static List<StoredUpload> abandoned(Connection c, String cutoff, int limit) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM uploads u WHERE u.created_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM message_attachments a WHERE a.upload_id = u.id)"
                + " AND NOT EXISTS (SELECT 1 FROM users x WHERE x.avatar_upload_id = u.id)"
                + " ORDER BY u.created_at LIMIT ?", UploadStore::row, cutoff, limit);
    }

    /** Deletes an upload row if it is still unattached and nobody's avatar; whether it did. */
    static boolean deleteIfAbandoned(Connection c, String id) throws SQLException {
        return Sql.update(c, "DELETE FROM uploads WHERE id = ?"
                + " AND NOT EXISTS (SELECT 1 FROM message_attachments a WHERE a.upload_id = uploads.id)"
                + " AND NOT EXISTS (SELECT 1 FROM users x WHERE x.avatar_upload_id = uploads.id)", id) == 1;
    }

    /** Every upload id (the startup scan keeps the files that have a row). */
    static Set<String> allIds(Connection c) throws SQLException {
        return new HashSet<>(Sql.list(c, "SELECT id FROM uploads", r -> r.getString(1)));
    }

    /**
     * Deletes a workspace's uploads, their attachments, and the avatars made from them (those users' avatar_url
     * becomes empty); returns the ids, whose files {@link UploadStorage#deleteFiles} removes after the commit.
     */
    public static List<String> deleteWorkspace(Connection c, String workspaceId) throws SQLException {
        var ids = Sql.list(c, "SELECT id FROM uploads WHERE workspace_id = ?", r -> r.getString(1), workspaceId);
        Sql.update(c, "DELETE FROM message_attachments WHERE upload_id IN (SELECT id FROM uploads WHERE workspace_id = ?)",
                workspaceId);
        Sql.update(c, "UPDATE users SET avatar_upload_id = NULL, avatar_url = '' WHERE avatar_upload_id IN"
                + " (SELECT id FROM uploads WHERE workspace_id = ?)", workspaceId);
        Sql.update(c, "DELETE FROM uploads WHERE workspace_id = ?", workspaceId);
        return ids;
    }

    private static StoredUpload row(ResultSet r) throws SQLException {
        var width = Sql.nullableLong(r, "width");
        var height = Sql.nullableLong(r, "height");
        return new StoredUpload(r.getString("id"), r.getString("workspace_id"), r.getString("owner_id"),
                r.getString("filename"), r.getString("content_type"), r.getLong("byte_size"), r.getString("sha256"),
                width == null ? null : width.intValue(), height == null ? null : height.intValue(),
                r.getString("storage_path"), r.getString("created_at"));
    }
}
