package chat.clickclack.dms;

import chat.clickclack.events.Audience;
import chat.clickclack.http.ApiException;
import chat.clickclack.workspaces.Membership;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Who may use a direct conversation: its members, while they still belong to its workspace. Anyone else
 * gets 404, the same answer as for an unknown id, so a workspace member cannot even learn that two others
 * talk privately. Also used by messages, threads and reactions for any message in a conversation.
 */
public final class DirectAccess {
    private DirectAccess() {}

    /** The conversation, if the user is a member of it (404 otherwise) and still of its workspace (403). */
    public static DmStore.Row require(Connection c, String userId, String conversationId) throws SQLException {
        var row = DmStore.forMember(c, conversationId, userId)
                .orElseThrow(() -> new ApiException.NotFound("direct conversation"));
        Membership.require(c, row.workspaceId(), userId);
        return row;
    }

    /** Who may see events about the conversation: its members. */
    public static Audience audience(Connection c, String conversationId) throws SQLException {
        return Audience.dm(conversationId, DmStore.memberIds(c, conversationId));
    }
}
