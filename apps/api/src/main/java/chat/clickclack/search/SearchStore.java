package chat.clickclack.search;

import chat.clickclack.db.Sql;
import chat.clickclack.http.ApiException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL for search: FTS5 over message_search joined to search_docs (see V9__search.sql). Only what is shown is
 * read: FTS5 streams its matches newest first (ascending docid, which counts down over time), the remaining
 * filters run on search_docs, and messages and snippets are read afterwards for the page's ids only.
 *
 * <p>Best-match order reads the newest {@value #RELEVANCE_WINDOW} matches (after the filters) with their
 * bodies and {@link Ranking} sorts them. Ranking every match of a word that is in most messages would cost
 * time in proportion to the whole history, while a query specific enough to rank well has fewer matches than
 * that and is ranked in full.
 */
final class SearchStore {
    /** One match: the docid (the cursor), the message and its score (higher is better, 0 without words). */
    record Row(long docid, String messageId, double score) {}

    static final int RELEVANCE_WINDOW = 1_000;
    /** Tokens around the matches that snippet() shows. */
    private static final int SNIPPET_TOKENS = 24;

    private SearchStore() {}

    /** The newest {@value #RELEVANCE_WINDOW} matches with their bodies, for {@link Ranking}. */
    static List<Ranking.Candidate> window(Connection c, String match, SearchAccess.Clause where) throws SQLException {
        var sql = "SELECT f.rowid, d.message_id, m.body FROM message_search f"
                + " JOIN search_docs d ON d.docid = f.rowid JOIN messages m ON m.id = d.message_id"
                + " WHERE message_search MATCH ? AND " + where.sql() + " ORDER BY f.rowid LIMIT " + RELEVANCE_WINDOW;
        var args = new ArrayList<Object>();
        args.add(match);
        args.addAll(where.args());
        return fts(() -> Sql.list(c, sql, row -> new Ranking.Candidate(row.getLong(1), row.getString(2),
                row.getString(3)), args.toArray()));
    }

    /**
     * Matches of {@code match} (an FTS5 expression, or empty for SQL filters only) that {@code where} (a
     * condition on {@code search_docs d}) keeps, newest first after {@code afterDocid}; {@code limit} rows at most.
     */
    static List<Row> find(Connection c, String match, SearchAccess.Clause where, Long afterDocid, int limit)
            throws SQLException {
        var args = new ArrayList<Object>();
        String sql;
        if (match.isEmpty()) {
            sql = "SELECT d.docid, d.message_id, 0.0 FROM search_docs d WHERE " + where.sql()
                    + (afterDocid != null ? " AND d.docid > ?" : "") + " ORDER BY d.docid LIMIT ?";
            args.addAll(where.args());
        } else {
            sql = "SELECT f.rowid, d.message_id, 0.0 FROM message_search f JOIN search_docs d ON d.docid = f.rowid"
                    + " WHERE message_search MATCH ? AND " + where.sql()
                    + (afterDocid != null ? " AND f.rowid > ?" : "") + " ORDER BY f.rowid LIMIT ?";
            args.add(match);
            args.addAll(where.args());
        }
        if (afterDocid != null) {
            args.add(afterDocid);
        }
        args.add(limit);
        return fts(() -> Sql.list(c, sql, row -> new Row(row.getLong(1), row.getString(2), row.getDouble(3)),
                args.toArray()));
    }

    /** The marked snippet of one match: FTS5 seeks the docid in the query's doclists instead of scanning them. */
    static String snippet(Connection c, String match, long docid) throws SQLException {
        var sql = "SELECT snippet(message_search, 0, char(2), char(3), '…', " + SNIPPET_TOKENS + ")"
                + " FROM message_search WHERE message_search MATCH ? AND rowid = ?";
        return fts(() -> Sql.one(c, sql, row -> row.getString(1), match, docid)).orElse("");
    }

    private interface Statement<T> {
        T run() throws SQLException;
    }

    private static <T> T fts(Statement<T> statement) throws SQLException {
        try {
            return statement.run();
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
