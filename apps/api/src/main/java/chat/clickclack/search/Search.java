package chat.clickclack.search;

import chat.clickclack.channels.Channels;
import chat.clickclack.db.Database;
import chat.clickclack.http.ApiException;
import chat.clickclack.messages.Message;
import chat.clickclack.messages.MessageStore;
import chat.clickclack.messages.MessageViews;
import chat.clickclack.messages.StoredMessage;
import chat.clickclack.workspaces.Membership;
import java.util.ArrayList;
import java.util.List;

/**
 * Message search: parses the query, checks the caller belongs to the workspace (and may see the channel it
 * is narrowed to), and pages through what {@link SearchAccess} lets them read. Messages are served exactly
 * as the messages API serves them ({@link MessageViews}).
 */
public final class Search {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 50;

    /** What the caller asked for; {@code channelId}, {@code cursor} and {@code sort} may be null. */
    public record Request(String workspaceId, String q, String channelId, int limit, String cursor, String sort) {}

    /** One result: the message, its score (higher is better; 0 without words) and the marked snippet. */
    public record Hit(Message message, double rank, String snippet) {}

    /** A page of results; {@code nextCursor} is null on the last page. */
    public record Page(List<Hit> results, String nextCursor) {}

    private final Database db;

    public Search(Database db) {
        this.db = db;
    }

    public Page find(String userId, Request request) {
        if (request.workspaceId() == null || request.workspaceId().isBlank()) {
            throw new ApiException.Invalid("workspace_id is required");
        }
        var query = SearchQuery.parse(request.q());
        var sort = SearchSort.parse(request.sort());
        var cursor = SearchCursor.decode(request.cursor(), sort);
        int limit = request.limit();
        return db.read(c -> {
            Membership.require(c, request.workspaceId(), userId);
            if (request.channelId() != null) {
                var channel = Channels.visible(c, userId, request.channelId());
                if (!channel.workspaceId().equals(request.workspaceId())) {
                    throw new ApiException.Invalid("channel_id is not a channel of this workspace");
                }
            }
            var narrowed = SearchFilters.narrow(c, SearchAccess.readable(userId, request.workspaceId()), query,
                    request.workspaceId(), request.channelId());
            if (narrowed.none()) {
                return new Page(List.of(), null);
            }
            var parts = new ArrayList<String>();
            if (query.hasText()) {
                parts.add(query.match());
            }
            parts.addAll(narrowed.scope());
            var match = String.join(" AND ", parts);
            // Newest-first pages (and those without words) continue after a docid; best-match pages at an offset.
            boolean byScore = sort == SearchSort.RELEVANCE && query.hasText();
            Long after = cursor != null && !byScore ? cursor.value() : null;
            long offset = cursor != null && byScore ? cursor.value() : 0;
            if (offset < 0) {
                throw new ApiException.Invalid("cursor is not one this server gave out");
            }
            List<SearchStore.Row> rows;
            if (byScore) {
                var ranked = Ranking.rank(SearchStore.window(c, match, narrowed.where()), query.terms());
                rows = ranked.stream().skip(offset).limit(limit + 1L)
                        .map(r -> new SearchStore.Row(r.docid(), r.messageId(), r.score())).toList();
            } else {
                rows = SearchStore.find(c, match, narrowed.where(), after, limit + 1);
            }
            var shown = rows.size() > limit ? rows.subList(0, limit) : rows;
            var stored = new ArrayList<StoredMessage>(shown.size());
            for (var row : shown) {
                stored.add(MessageStore.byId(c, row.messageId()).orElseThrow());
            }
            var messages = MessageViews.of(c, stored, userId);
            var hits = new ArrayList<Hit>(shown.size());
            for (int i = 0; i < shown.size(); i++) {
                var row = shown.get(i);
                var snippet = query.hasText() ? Snippets.marked(SearchStore.snippet(c, query.match(), row.docid()))
                        : Snippets.plain(stored.get(i).body());
                hits.add(new Hit(messages.get(i), round(row.score()), snippet));
            }
            String next = null;
            boolean more = rows.size() > limit;
            if (more) {
                next = new SearchCursor(sort, byScore ? offset + limit : shown.getLast().docid()).encode();
            }
            return new Page(hits, next);
        });
    }

    private static double round(double score) {
        return Math.round(score * 1e6) / 1e6;
    }
}
