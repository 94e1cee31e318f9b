package chat.clickclack.workspaces;

import chat.clickclack.db.Tx;
import java.sql.SQLException;

/**
 * A feature that keeps data of a workspace outside the tables {@link WorkspaceData} knows, and must let go of it
 * when the workspace is deleted: rows of its own tables inside the deletion's transaction, and things outside the
 * database (an upload's bytes on disk) once that transaction has committed. Registered in {@code App} with
 * {@link WorkspaceDeletion}; the uploads feature is the first that needs it.
 */
public interface WorkspaceDataOwner {
    /** Deletes this feature's rows of the workspace; runs in the deletion's transaction, before the core tables go. */
    default void deleteRows(Tx tx, String workspaceId) throws SQLException {}

    /**
     * After the commit: deletes what lives outside the database. The rows are gone by then, so this must not need
     * them (collect what it needs in {@link #deleteRows}); a failure here is logged and leaves orphaned bytes,
     * never a half-deleted workspace.
     */
    default void afterDeleted(String workspaceId) {}
}
