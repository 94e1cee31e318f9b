package chat.clickclack.workspaces;

import chat.clickclack.http.ApiException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The access policy: every read and write of workspace data passes through here.
 *
 * <p>Unknown workspaces answer 404 and existing workspaces the caller does not belong to answer 403.
 * Ids are unguessable ULIDs, so telling the two apart leaks nothing useful, and it gives clients a
 * clear signal ("you were removed") instead of a confusing "not found".
 */
public final class Membership {
    private Membership() {}

    /** Returns the caller's role, or throws 404/403. */
    public static String require(Connection c, String workspaceId, String userId) throws SQLException {
        var role = WorkspaceStore.role(c, workspaceId, userId);
        if (role.isPresent()) {
            return role.get();
        }
        if (!WorkspaceStore.exists(c, workspaceId)) {
            throw new ApiException.NotFound("workspace");
        }
        throw new ApiException.Forbidden("you are not a member of this workspace");
    }

    /** Like {@link #require} but the caller's role must allow the action (see {@link Permission}); 403 otherwise. */
    public static String require(Connection c, String workspaceId, String userId, Permission permission)
            throws SQLException {
        var role = require(c, workspaceId, userId);
        if (!permission.allows(role)) {
            throw new ApiException.Forbidden(permission.refusal(role));
        }
        return role;
    }

    /** Like {@link #require} but the caller must be an owner or moderator. */
    public static String requireModerator(Connection c, String workspaceId, String userId) throws SQLException {
        var role = require(c, workspaceId, userId);
        if (!Role.moderates(role)) {
            throw new ApiException.Forbidden("only workspace owners and moderators may do this");
        }
        return role;
    }
}
