package chat.clickclack.search;

import chat.clickclack.db.Sql;
import chat.clickclack.http.ApiException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL for search: FTS5 over message_search joined to search_docs (see V9__search.sql). Only the page asked
 * for is read: FTS5 itself walks its matches in rank or docid order, the filters run on search_docs, and
 * messages is read afterwards for those few ids only.
 */
final class SearchStore {
    /** One match: the message, its score (higher is better, 0 without words) and its marked snippet. */
    record Row(long docid, String messageId, double score, String snippet) {}

    /** Tokens around the matches that snippet() shows. */
    private static final int SNIPPET_TOKENS = 24;

    private SearchStore() {}

    /**
     * Matches for {@code where} (a condition on {@code search_docs d} with its arguments), newest first below
     * {@code belowDocid} or by rank from {@code offset}; {@code limit} rows at most.
     */
    static List<Row> find(Connection c, SearchQuery query, SearchAccess.Clause where, SearchSort sort, Long belowDocid,
            long offset, int limit) throws SQLException {
        var args = new ArrayList<Object>();
        var sql = new StringBuilder();
        if (query.hasText()) {
            sql.append("""
                    SELECT d.docid, d.message_id, -f.rank AS score,
                           snippet(message_search, 0, char(2), char(3), '…', %d) AS snippet
                      FROM message_search f JOIN search_docs d ON d.docid = f.rowid
                     WHERE message_search MATCH ? AND\s""".formatted(SNIPPET_TOKENS));
            args.add(query.match());
        } else {
            sql.append("""
                    SELECT d.docid, d.message_id, 0.0 AS score, m.body AS snippet
                      FROM search_docs d JOIN messages m ON m.id = d.message_id
                     WHERE\s""");
        }
        sql.append(where.sql());
        args.addAll(where.args());
        var docid = query.hasText() ? "f.rowid" : "d.docid";
        if (belowDocid != null) {
            sql.append(" AND ").append(docid).append(" < ?");
            args.add(belowDocid);
        }
        sql.append(sort == SearchSort.RELEVANCE && query.hasText() ? " ORDER BY f.rank" : " ORDER BY " + docid + " DESC");
        sql.append(" LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        try {
            return Sql.list(c, sql.toString(), row -> new Row(row.getLong(1), row.getString(2), row.getDouble(3),
                    query.hasText() ? Snippets.marked(row.getString(4)) : Snippets.plain(row.getString(4))),
                    args.toArray());
        } catch (SQLException e) {
            // SearchQuery quotes every term, so FTS5 should never see syntax it rejects; should it anyway, the
            // query is what was wrong, and saying so beats a 500.
            if (e.getMessage() != null && e.getMessage().contains("fts5")) {
                throw new ApiException.Invalid("q could not be searched: " + e.getMessage());
            }
            throw e;
        }
    }
}
