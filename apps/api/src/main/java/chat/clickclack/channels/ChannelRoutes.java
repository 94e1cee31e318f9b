package chat.clickclack.channels;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.Params;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Channel routes: list and create in a workspace, read and change one channel. */
public final class ChannelRoutes {
    record CreateChannel(String name, String topic, String kind) {}

    record UpdateChannel(String name, String topic, Boolean archived, String kind) {}

    static final int DEFAULT_PAGE = 100;

    private final Channels channels;
    private final RateLimiter limiter;

    public ChannelRoutes(Channels channels, RateLimiter limiter) {
        this.channels = channels;
        this.limiter = limiter;
    }

    public void register(RouteTable routes) {
        routes.get("/api/workspaces/{workspace_id}/channels", this::list);
        routes.post("/api/workspaces/{workspace_id}/channels", limiter.guard(Action.CHANNEL_CREATE, this::create));
        routes.get("/api/channels/{channel_id}", this::get);
        routes.patch("/api/channels/{channel_id}", this::update);
    }

    /** Unpaged callers get every channel as before; {@code limit} or {@code cursor} asks for pages. */
    private void list(Context ctx) {
        var userId = Actor.of(ctx).userId();
        var workspaceId = ctx.pathParam("workspace_id");
        if (ctx.queryParam("limit") == null && ctx.queryParam("cursor") == null) {
            ctx.json(Map.of("channels", channels.list(userId, workspaceId)));
            return;
        }
        int limit = Params.limit(ctx, 1, Channels.MAX_PAGE, DEFAULT_PAGE);
        var page = channels.page(userId, workspaceId, limit, ctx.queryParam("cursor"));
        var body = new LinkedHashMap<String, Object>();
        body.put("channels", page.channels());
        if (page.nextCursor() != null) {
            body.put("next_cursor", page.nextCursor());
        }
        ctx.json(body);
    }

    private void create(Context ctx) {
        var body = Bodies.read(ctx, CreateChannel.class);
        var created = channels.create(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"), body.name(), body.topic(), body.kind());
        ctx.status(201).json(Map.of("channel", created.channel(), "event", created.event()));
    }

    private void get(Context ctx) {
        ctx.json(Map.of("channel", channels.get(Actor.of(ctx).userId(), ctx.pathParam("channel_id"))));
    }

    private void update(Context ctx) {
        var body = Bodies.read(ctx, UpdateChannel.class);
        var changed = channels.update(Actor.of(ctx).userId(), ctx.pathParam("channel_id"),
                body.name(), body.topic(), body.archived(), body.kind());
        ctx.json(Map.of("channel", changed.channel(), "event", changed.event()));
    }
}
