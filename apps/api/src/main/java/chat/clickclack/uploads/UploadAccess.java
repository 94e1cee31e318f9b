package chat.clickclack.uploads;

import chat.clickclack.db.Sql;
import chat.clickclack.http.ApiException;
import chat.clickclack.messages.Messages;
import chat.clickclack.workspaces.WorkspaceStore;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Who may read an upload's bytes. Before it is attached: its uploader, while a member of its workspace.
 * Once attached: whoever may read that message ({@link Messages#visible}: the workspace, and for a private
 * channel or a direct conversation its members), until the message is deleted. Everyone else gets the
 * same 404 as for an unknown id, so upload ids cannot be probed.
 */
final class UploadAccess {
    private UploadAccess() {}

    static StoredUpload readable(Connection c, String userId, String uploadId) throws SQLException {
        var upload = UploadStore.byId(c, uploadId).orElseThrow(UploadAccess::notFound);
        var messageId = UploadStore.attachedTo(c, uploadId);
        if (messageId.isEmpty()) {
            if (!upload.ownerId().equals(userId) || WorkspaceStore.role(c, upload.workspaceId(), userId).isEmpty()) {
                throw notFound();
            }
            return upload;
        }
        try {
            if (Messages.visible(c, userId, messageId.get()).isDeleted()) {
                throw notFound();
            }
        } catch (ApiException e) {
            throw notFound(); // not a reader of the message (404 or 403 there): the upload does not exist for them
        }
        return upload;
    }

    /**
     * The upload behind someone's avatar, for a viewer who is that user or shares a workspace with them
     * (404 otherwise, and for an upload that is nobody's avatar).
     */
    static StoredUpload avatar(Connection c, String viewerId, String uploadId) throws SQLException {
        var owner = Sql.one(c, "SELECT id FROM users WHERE avatar_upload_id = ?", r -> r.getString(1), uploadId)
                .orElseThrow(UploadAccess::notFound);
        if (!owner.equals(viewerId) && Sql.one(c, """
                SELECT 1 FROM workspace_members a JOIN workspace_members b ON b.workspace_id = a.workspace_id
                WHERE a.user_id = ? AND b.user_id = ? LIMIT 1""", r -> 1, viewerId, owner).isEmpty()) {
            throw notFound();
        }
        return UploadStore.byId(c, uploadId).orElseThrow(UploadAccess::notFound);
    }

    static ApiException notFound() {
        return new ApiException.NotFound("upload");
    }
}
