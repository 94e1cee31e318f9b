package chat.clickclack.search;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.Params;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.util.List;

/** {@code GET /api/search}: messages the caller may read that match a query. */
public final class SearchRoutes {
    /** {results, next_cursor}; next_cursor is left out on the last page. */
    record Answer(List<Search.Hit> results, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {}

    private final Search search;
    private final RateLimiter limiter;

    public SearchRoutes(Search search, RateLimiter limiter) {
        this.search = search;
        this.limiter = limiter;
    }

    public void register(RouteTable routes) {
        routes.get("/api/search", limiter.guard(Action.SEARCH, this::find));
    }

    private void find(Context ctx) {
        var request = new Search.Request(
                ctx.queryParam("workspace_id"),
                ctx.queryParam("q"),
                blankToNull(ctx.queryParam("channel_id")),
                Params.limit(ctx, 1, Search.MAX_LIMIT, Search.DEFAULT_LIMIT),
                ctx.queryParam("cursor"),
                ctx.queryParam("sort"));
        var page = search.find(Actor.of(ctx).userId(), request);
        ctx.json(new Answer(page.results(), page.nextCursor()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
