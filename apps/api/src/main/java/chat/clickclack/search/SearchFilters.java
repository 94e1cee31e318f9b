package chat.clickclack.search;

import chat.clickclack.http.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The modifiers of a query (and the {@code channel_id} parameter) as conditions on {@code search_docs d},
 * added to what {@link SearchAccess} allows. They only ever narrow it. Lists travel as one JSON array
 * parameter, so the SQL text is the same whatever their length (one prepared statement per shape).
 */
final class SearchFilters {
    private SearchFilters() {}

    static SearchAccess.Clause narrow(SearchAccess.Clause readable, SearchQuery query, String channelId) {
        var sql = new StringBuilder(readable.sql());
        var args = new ArrayList<>(readable.args());
        if (channelId != null) {
            sql.append(" AND d.channel_id = ?");
            args.add(channelId);
        }
        if (!query.inChannels().isEmpty()) {
            sql.append(" AND d.channel_id IN (SELECT id FROM channels WHERE workspace_id = d.workspace_id"
                    + " AND name IN (SELECT value FROM json_each(?)))");
            args.add(Json.write(query.inChannels()));
        }
        if (!query.fromHandles().isEmpty()) {
            sql.append(" AND d.author_id IN (SELECT id FROM users WHERE handle IN (SELECT value FROM json_each(?)))");
            args.add(Json.write(query.fromHandles()));
        }
        // Stored times are RFC 3339 text, so a day compares as a prefix: "before:D" is earlier than D's first
        // instant, "after:D" is D's last instant or later (both days in UTC), as in Slack.
        if (query.before() != null) {
            sql.append(" AND d.created_at < ?");
            args.add(query.before().toString());
        }
        if (query.after() != null) {
            sql.append(" AND d.created_at >= ?");
            args.add(query.after().plusDays(1).toString());
        }
        if (query.hasLink()) {
            sql.append(" AND d.has_link = 1");
        }
        if (query.hasFile()) {
            sql.append(" AND 0"); // no attachments exist yet (uploads come later): nothing has a file
        }
        if (query.isThread()) {
            sql.append(" AND (d.is_reply = 1 OR EXISTS (SELECT 1 FROM thread_state t"
                    + " WHERE t.root_message_id = d.message_id AND t.reply_count > 0))");
        }
        return new SearchAccess.Clause(sql.toString(), List.copyOf(args));
    }
}
