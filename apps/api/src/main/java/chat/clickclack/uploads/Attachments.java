package chat.clickclack.uploads;

import chat.clickclack.db.Sql;
import chat.clickclack.http.ApiException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules for attaching uploads to a message, shared by the posting path (upload_ids on a new message)
 * and by POST /api/messages/{id}/attachments: only the author's own uploads of the message's workspace,
 * each attached once, at most {@link #MAX_PER_MESSAGE} per message.
 */
public final class Attachments {
    public static final int MAX_PER_MESSAGE = 10;
    private static final Pattern ID = Pattern.compile("^upl_[0-9A-HJKMNP-TV-Z]{26}$");

    private Attachments() {}

    /** Checks the shape of an upload_ids list (null is none): 400 for a bad id, a repeat, or too many. */
    public static List<String> ids(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        if (raw.size() > MAX_PER_MESSAGE) {
            throw new ApiException.Invalid("at most " + MAX_PER_MESSAGE + " upload_ids per message");
        }
        var seen = new HashSet<String>();
        for (var id : raw) {
            if (id == null || !ID.matcher(id).matches()) {
                throw new ApiException.Invalid("upload_ids must hold upload ids (upl_…)");
            }
            if (!seen.add(id)) {
                throw new ApiException.Invalid("upload " + id + " is listed twice");
            }
        }
        return List.copyOf(raw);
    }

    /**
     * The uploads, in order, if {@code userId} may attach them to a message of {@code workspaceId} that already
     * holds {@code existing} attachments: 400 for an unknown upload, someone else's or another workspace's
     * (the same answer for all three, so ids of others' uploads cannot be probed), 409 for one already attached.
     */
    public static List<Upload> require(Connection c, String userId, String workspaceId, List<String> ids, int existing)
            throws SQLException {
        if (existing + ids.size() > MAX_PER_MESSAGE) {
            throw new ApiException.Conflict("a message holds at most " + MAX_PER_MESSAGE + " attachments");
        }
        var out = new java.util.ArrayList<Upload>(ids.size());
        for (var id : ids) {
            var upload = UploadStore.byId(c, id).filter(u -> u.ownerId().equals(userId) && u.workspaceId().equals(workspaceId))
                    .orElseThrow(() -> new ApiException.Invalid("upload " + id + " is not one of your uploads in this workspace"));
            if (UploadStore.attachedTo(c, id).isPresent()) {
                throw new ApiException.Conflict("upload " + id + " is already attached to a message");
            }
            out.add(upload.view());
        }
        return out;
    }

    /**
     * Attaches them inside the message's write unit. An upload attached by another message between the check
     * and this write breaks the primary key: a 409, and the unit (the message with it) is rolled back.
     */
    public static void attach(Connection c, String messageId, List<String> ids, String now) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try {
            UploadStore.attach(c, messageId, ids, now);
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("CONSTRAINT")) {
                throw new ApiException.Conflict("an upload was attached to another message meanwhile");
            }
            throw e;
        }
        // An upload swept (deleted) between the check and the write would leave a dangling row; foreign keys
        // refuse that already, this only makes the answer a clear one.
        if (Sql.longValue(c, "SELECT count(*) FROM message_attachments a JOIN uploads u ON u.id = a.upload_id"
                + " WHERE a.message_id = ?", messageId) < ids.size()) {
            throw new ApiException.Conflict("an upload was removed meanwhile");
        }
    }
}
