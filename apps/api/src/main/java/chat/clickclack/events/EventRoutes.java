package chat.clickclack.events;

import chat.clickclack.auth.Actor;
import chat.clickclack.db.Database;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.Params;
import chat.clickclack.http.RouteTable;
import chat.clickclack.workspaces.Membership;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;

/** GET /api/realtime/events: catch up on a workspace's event log over HTTP. */
public final class EventRoutes {
    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 500;

    private final Database db;
    private final ChannelSeats seats;

    /** {@code seats}: who is in each private channel now (the realtime hub's answer, so both paths agree). */
    public EventRoutes(Database db, ChannelSeats seats) {
        this.seats = seats;
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.get("/api/realtime/events", this::list);
    }

    private void list(Context ctx) {
        var userId = Actor.of(ctx).userId();
        var workspaceId = Params.required(ctx, "workspace_id");
        var rawCursor = ctx.queryParam("after_cursor");
        int limit = Params.limit(ctx, 1, MAX_LIMIT, DEFAULT_LIMIT);
        boolean includeTail = Params.flag(ctx, "include_tail");
        var body = db.read(c -> {
            Membership.require(c, workspaceId, userId);
            long after;
            try {
                after = rawCursor == null || rawCursor.isBlank() ? Cursors.floor(c) : Cursors.resumable(c, rawCursor);
            } catch (Cursors.ResyncRequired e) {
                throw new ApiException.Gone(e.getMessage());
            }
            // The page is read by cursor over the whole workspace, then narrowed to what this user may see:
            // next_cursor is the last cursor scanned, so events addressed to others are stepped over, not
            // re-read, and a page may hold fewer than {@code limit} events while has_more is still true.
            var scanned = EventStore.after(c, workspaceId, after, limit + 1);
            boolean hasMore = scanned.size() > limit;
            var page = hasMore ? scanned.subList(0, limit) : scanned;
            var visible = new ArrayList<Event>(page.size());
            for (var event : page) {
                if (event.audience().admits(userId, seats)) {
                    visible.add(event);
                }
            }
            var out = new HashMap<String, Object>();
            out.put("events", visible);
            out.put("next_cursor", page.isEmpty() ? Long.toString(after) : page.getLast().cursor());
            out.put("has_more", hasMore);
            if (includeTail) {
                out.put("tail_cursor", Long.toString(EventStore.tail(c)));
            }
            return out;
        });
        ctx.json(body);
    }
}
