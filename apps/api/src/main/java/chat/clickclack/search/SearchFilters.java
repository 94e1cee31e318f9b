package chat.clickclack.search;

import chat.clickclack.db.Sql;
import chat.clickclack.http.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The modifiers of a query (and the {@code channel_id} parameter), added to what {@link SearchAccess} allows;
 * they only ever narrow it. {@code in:}, {@code from:}, {@code has:link} and {@code channel_id} become FTS5
 * phrases on the index's {@code scope} column (see V9__search.sql), so FTS5 intersects them with the words
 * instead of the database filtering match by match; names are resolved to ids first, and the ids — ULIDs,
 * letters and digits only — are the only text that goes into those phrases. Dates and {@code is:thread}
 * are conditions on {@code search_docs d}.
 */
final class SearchFilters {
    /** The narrowed search: SQL on search_docs, FTS5 scope phrases, or {@code none} when nothing can match. */
    record Narrowed(SearchAccess.Clause where, List<String> scope, boolean none) {}

    private SearchFilters() {}

    static Narrowed narrow(Connection c, SearchAccess.Clause readable, SearchQuery query, String workspaceId,
            String channelId) throws SQLException {
        var scope = new ArrayList<String>();
        if (channelId != null) {
            scope.add(anyOf("ch", List.of(channelId)));
        }
        if (!query.inChannels().isEmpty()) {
            var ids = Sql.list(c, "SELECT id FROM channels WHERE workspace_id = ? AND name IN (SELECT value FROM json_each(?))",
                    row -> row.getString(1), workspaceId, Json.write(query.inChannels()));
            if (ids.isEmpty()) {
                return new Narrowed(readable, scope, true);
            }
            scope.add(anyOf("ch", ids));
        }
        if (!query.fromHandles().isEmpty()) {
            var ids = Sql.list(c, "SELECT id FROM users WHERE handle IN (SELECT value FROM json_each(?))",
                    row -> row.getString(1), Json.write(query.fromHandles()));
            if (ids.isEmpty()) {
                return new Narrowed(readable, scope, true);
            }
            scope.add(anyOf("au", ids));
        }
        if (query.hasLink()) {
            scope.add("scope : \"haslink\"");
        }
        var sql = new StringBuilder(readable.sql());
        var args = new ArrayList<>(readable.args());
        if (query.hasFile()) {
            // Attachments are written with the message (or later by its author); a deleted message is not indexed.
            sql.append(" AND d.message_id IN (SELECT message_id FROM message_attachments)");
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
        if (query.isThread()) {
            sql.append(" AND (d.is_reply = 1 OR d.message_id IN (SELECT root_message_id FROM thread_state"
                    + " WHERE reply_count > 0))");
        }
        return new Narrowed(new SearchAccess.Clause(sql.toString(), List.copyOf(args)), List.copyOf(scope), false);
    }

    /** {@code scope : ("chX" OR "chY")}: the id's part after its prefix ("chn_", "usr_"), a ULID. */
    private static String anyOf(String tokenPrefix, List<String> ids) {
        var phrases = ids.stream()
                .map(id -> id.substring(id.indexOf('_') + 1))
                .filter(ulid -> ulid.chars().allMatch(Character::isLetterOrDigit) && !ulid.isEmpty())
                .map(ulid -> "\"" + tokenPrefix + ulid + "\"")
                .toList();
        return phrases.isEmpty() ? "scope : \"" + tokenPrefix + "-none\"" : "scope : (" + String.join(" OR ", phrases) + ")";
    }
}
