package chat.clickclack.workspaces;

import chat.clickclack.db.Sql;
import chat.clickclack.http.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Every row a workspace owns, in the core tables (migrations V1–V14 and the search index), deleted in one
 * transaction. People stay: a user may belong to other workspaces. Bot accounts go, with their sessions: a bot
 * belongs to exactly one workspace. WorkspaceDeletionTest finds every table with a {@code workspace_id} column
 * in sqlite_master, so a new table that is not listed here fails it.
 *
 * <p>Children first, then the rows they hang from: the writer's connection enforces foreign keys, and the
 * subqueries need their parents. Deleting messages fires the search triggers of V9, which take the messages'
 * tokens out of the FTS index before their search_docs rows go.
 */
final class WorkspaceData {
    private static final String MESSAGES = "SELECT id FROM messages WHERE workspace_id = ?1";
    private static final String CHANNELS = "SELECT id FROM channels WHERE workspace_id = ?1";
    private static final String CONVERSATIONS = "SELECT id FROM direct_conversations WHERE workspace_id = ?1";

    /** ?1 is the workspace id. */
    private static final List<String> STATEMENTS = List.of(
            "DELETE FROM reactions WHERE message_id IN (" + MESSAGES + ")",
            "DELETE FROM thread_state WHERE root_message_id IN (" + MESSAGES + ")",
            "DELETE FROM channel_pins WHERE channel_id IN (" + CHANNELS + ")",
            "DELETE FROM channel_reads WHERE channel_id IN (" + CHANNELS + ")",
            "DELETE FROM channel_members WHERE channel_id IN (" + CHANNELS + ")",
            "DELETE FROM direct_reads WHERE conversation_id IN (" + CONVERSATIONS + ")",
            "DELETE FROM direct_members WHERE conversation_id IN (" + CONVERSATIONS + ")",
            "DELETE FROM messages WHERE workspace_id = ?1",
            // soft-deleted messages left the index already; this catches anything a trigger could not see
            "DELETE FROM search_docs WHERE workspace_id = ?1",
            "DELETE FROM direct_conversations WHERE workspace_id = ?1",
            "DELETE FROM incoming_webhooks WHERE workspace_id = ?1",
            // V14: registered slash commands (answered as their bot) and outgoing event subscriptions
            "DELETE FROM command_response_tokens WHERE command_id IN"
                    + " (SELECT id FROM slash_commands WHERE workspace_id = ?1)",
            "DELETE FROM slash_commands WHERE workspace_id = ?1",
            "DELETE FROM event_deliveries WHERE subscription_id IN"
                    + " (SELECT id FROM event_subscriptions WHERE workspace_id = ?1)",
            "DELETE FROM event_subscriptions WHERE workspace_id = ?1",
            "DELETE FROM bot_tokens WHERE workspace_id = ?1",
            "DELETE FROM invites WHERE workspace_id = ?1",
            "DELETE FROM channels WHERE workspace_id = ?1",
            // the log goes too: nobody may read or resume this workspace's events any more
            "DELETE FROM events WHERE workspace_id = ?1",
            "DELETE FROM workspace_members WHERE workspace_id = ?1",
            "DELETE FROM bots WHERE workspace_id = ?1",
            "DELETE FROM workspaces WHERE id = ?1");

    /** ?1 is the JSON array of the workspace's bot accounts: they go once nothing refers to them any more. */
    private static final List<String> BOT_STATEMENTS = List.of(
            "DELETE FROM sessions WHERE user_id IN (SELECT value FROM json_each(?1))",
            "DELETE FROM identities WHERE user_id IN (SELECT value FROM json_each(?1))",
            "DELETE FROM users WHERE kind = 'bot' AND id IN (SELECT value FROM json_each(?1))");

    private WorkspaceData() {}

    static void delete(Connection c, String workspaceId) throws SQLException {
        var bots = Json.write(Sql.list(c, "SELECT user_id FROM bots WHERE workspace_id = ?", row -> row.getString(1),
                workspaceId));
        for (var sql : STATEMENTS) {
            Sql.update(c, sql, workspaceId);
        }
        for (var sql : BOT_STATEMENTS) {
            Sql.update(c, sql, bots);
        }
    }
}
