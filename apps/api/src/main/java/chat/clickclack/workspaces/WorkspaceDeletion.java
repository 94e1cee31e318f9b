package chat.clickclack.workspaces;

import chat.clickclack.db.Database;
import chat.clickclack.http.ApiException;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deleting a workspace: the owner names its slug to confirm, every row of it goes in one transaction
 * ({@link WorkspaceData} and each {@link WorkspaceDataOwner}), then its open sockets close with 4002 and the
 * owners delete what lives outside the database.
 *
 * <p>No {@code workspace.deleted} event: the event log of the workspace is part of what is deleted, so such an
 * event would have nowhere to live and nobody left to read it. Clients learn of it from the close code of their
 * socket (see {@code realtime/CloseCodes.WORKSPACE_DELETED}) or from the 404 their next request gets.
 */
public final class WorkspaceDeletion {
    private static final Logger log = LoggerFactory.getLogger(WorkspaceDeletion.class);

    private final Database db;
    private final Consumer<String> closeSockets;
    private final List<WorkspaceDataOwner> owners;

    /**
     * {@code closeSockets}: ends every socket of a workspace (the hub's); {@code owners}: the features with data of
     * their own to delete (uploads' files), called in this order.
     */
    public WorkspaceDeletion(Database db, Consumer<String> closeSockets, List<WorkspaceDataOwner> owners) {
        this.db = db;
        this.closeSockets = closeSockets;
        this.owners = List.copyOf(owners);
    }

    /** Deletes the workspace if {@code confirm} is its slug and the caller owns it. */
    public void delete(String userId, String workspaceId, String confirm) {
        if (confirm == null || confirm.isBlank()) {
            throw new ApiException.Invalid("confirm is required: the workspace's slug, to show you mean it");
        }
        db.write(tx -> {
            var c = tx.connection();
            Membership.require(c, workspaceId, userId, Permission.DELETE_WORKSPACE);
            var workspace = WorkspaceStore.forMember(c, workspaceId, userId).orElseThrow();
            if (!workspace.slug().equals(confirm.strip())) {
                throw new ApiException.Invalid("confirm must be the workspace's slug ('" + workspace.slug() + "')");
            }
            for (var owner : owners) {
                owner.deleteRows(tx, workspaceId);
            }
            WorkspaceData.delete(c, workspaceId);
            return null;
        });
        closeSockets.accept(workspaceId);
        for (var owner : owners) {
            try {
                owner.afterDeleted(workspaceId);
            } catch (RuntimeException e) {
                log.warn("workspace {} is deleted, but {} could not clean up after it", workspaceId,
                        owner.getClass().getSimpleName(), e);
            }
        }
    }
}
