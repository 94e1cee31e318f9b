package chat.clickclack.uploads;

import chat.clickclack.db.Database;
import chat.clickclack.db.Tx;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * The entry point for deleting a workspace's uploads (DELETE /api/workspaces/{id} calls it). Two steps,
 * because files cannot be part of a database transaction:
 * <ol>
 *   <li>{@link #deleteRows} inside the workspace deletion's own write unit, before its messages and members go:
 *       the uploads' rows, their attachments, and avatars made from them (those users' avatar_url becomes "").
 *   <li>{@link #deleteFiles} after that unit committed, with the ids it returned.
 * </ol>
 * A crash between the two leaves files without rows, which the next startup removes
 * ({@link UploadStorage#reconcile}); never a row without its file. {@link #deleteWorkspace} does both for a
 * caller with no transaction of its own.
 */
public final class UploadFiles {
    private final Database db;
    private final UploadStorage storage;

    public UploadFiles(Database db, Path dataDir) {
        this.db = db;
        this.storage = new UploadStorage(dataDir);
    }

    /** Step 1, inside the caller's write unit: returns the ids whose files step 2 removes. */
    public static List<String> deleteRows(Tx tx, String workspaceId) throws SQLException {
        return UploadStore.deleteWorkspace(tx.connection(), workspaceId);
    }

    /** Step 2, after the commit. */
    public void deleteFiles(List<String> uploadIds) {
        storage.deleteFiles(uploadIds);
    }

    /** Both steps in a write unit of its own; returns how many uploads went. */
    public int deleteWorkspace(String workspaceId) {
        var ids = db.write(tx -> deleteRows(tx, workspaceId));
        deleteFiles(ids);
        return ids.size();
    }
}
