package chat.clickclack.search;

import java.util.List;

/**
 * Which messages a search may return: the one place that decides it, as a condition on {@code search_docs d}.
 *
 * <p>Security: the caller's membership of the workspace is checked before this runs (403/404 otherwise);
 * this condition then keeps the search inside that workspace and to what the caller may read there — every
 * public channel of the workspace (for a guest only those they are in), the private channels the caller is a member of, and only the direct
 * conversations the caller is a member of. Another user's DM and another workspace's messages never match, whatever the query.
 */
final class SearchAccess {
    /** A piece of SQL and the values for its placeholders, in order. A message without a conversation is a channel's. */
    record Clause(String sql, List<Object> args) {}

    private SearchAccess() {}

    static Clause readable(String userId, String workspaceId) {
        return new Clause("""
                d.workspace_id = ? AND (d.direct_conversation_id IS NULL
                     OR d.direct_conversation_id IN (SELECT conversation_id FROM direct_members WHERE user_id = ?))
                 AND (d.direct_conversation_id IS NOT NULL OR NOT EXISTS (
                     SELECT 1 FROM messages pm JOIN channels pch ON pch.id = pm.channel_id
                      WHERE pm.id = d.message_id
                        AND (pch.kind = 'private' OR EXISTS (SELECT 1 FROM workspace_members gm
                               WHERE gm.workspace_id = pch.workspace_id AND gm.user_id = ? AND gm.role = 'guest'))
                        AND NOT EXISTS (SELECT 1 FROM channel_members pcm
                                         WHERE pcm.channel_id = pch.id AND pcm.user_id = ?)))""",
                List.of(workspaceId, userId, userId, userId));
    }
}
