package chat.clickclack.uploads;

import chat.clickclack.db.Tx;
import chat.clickclack.workspaces.WorkspaceDataOwner;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deleting a workspace takes its uploads with it ({@link UploadFiles}' two steps): the rows inside the deletion's
 * transaction, the files once it committed. The ids wait here between the two; a deletion that rolled back leaves
 * its ids until the next attempt replaces them (its files are still referenced by their rows, so nothing is lost).
 */
public final class WorkspaceUploads implements WorkspaceDataOwner {
    private final UploadStorage storage;
    private final Map<String, List<String>> pending = new ConcurrentHashMap<>();

    public WorkspaceUploads(UploadStorage storage) {
        this.storage = storage;
    }

    @Override
    public void deleteRows(Tx tx, String workspaceId) throws SQLException {
        pending.put(workspaceId, UploadFiles.deleteRows(tx, workspaceId));
    }

    @Override
    public void afterDeleted(String workspaceId) {
        var ids = pending.remove(workspaceId);
        if (ids != null) {
            storage.deleteFiles(ids);
        }
    }
}
