package chat.clickclack.realtime;

import chat.clickclack.auth.Actor;
import chat.clickclack.auth.Authenticator;
import chat.clickclack.auth.OriginCheck;
import chat.clickclack.channels.ChannelStore;
import chat.clickclack.db.Database;
import chat.clickclack.events.Cursors;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import chat.clickclack.ids.Times;
import chat.clickclack.workspaces.Membership;
import io.javalin.http.Context;
import io.javalin.websocket.WsConnectContext;
import java.util.Map;

/**
 * The WebSocket endpoint, ephemeral events and presence.
 *
 * <p>Security: the upgrade is authenticated and the workspace membership checked before the socket
 * opens, so refusals are plain JSON errors. Browsers attach cookies to WebSocket handshakes started by
 * any page, and the same-origin policy does not apply to WebSockets, so cookie and dev-fallback sockets
 * must come from our own origin (the Origin header), or another site could read a user's events.
 */
public final class RealtimeRoutes {
    public static final String WS_PATH = "/api/realtime/ws";
    private static final String UPGRADE_ACTOR = "clickclack.ws.actor";
    private static final String UPGRADE_TAIL = "clickclack.ws.tail";

    record PublishEphemeral(String workspaceId, String channelId, String type, Map<String, Object> payload) {}

    private final Database db;
    private final Hub hub;
    private final Authenticator authenticator;
    private final OriginCheck origins;
    private final RateLimiter limiter;

    public RealtimeRoutes(Database db, Hub hub, Authenticator authenticator, OriginCheck origins, RateLimiter limiter) {
        this.limiter = limiter;
        this.db = db;
        this.hub = hub;
        this.authenticator = authenticator;
        this.origins = origins;
    }

    public void register(RouteTable routes) {
        routes.config().routes.wsBeforeUpgrade(WS_PATH, this::beforeUpgrade);
        routes.config().routes.ws(WS_PATH, ws -> {
            ws.onConnect(this::connected);
            ws.onClose(ctx -> hub.socketClosed(ctx.session));
            ws.onError(ctx -> hub.socketClosed(ctx.session));
        });
        // The same path for a plain GET (no upgrade): say what is expected rather than "no route".
        routes.get(WS_PATH, ctx -> {
            throw new ApiException.UpgradeRequired("this endpoint speaks WebSocket: send an upgrade request");
        });
        routes.post("/api/realtime/ephemeral", limiter.guard(Action.EPHEMERAL, this::ephemeral));
        routes.get("/api/workspaces/{workspace_id}/presence", this::presence);
    }

    private void beforeUpgrade(Context ctx) {
        var actor = authenticator.resolve(ctx).orElseThrow(() -> new ApiException.Unauthorized("authentication required"));
        if (actor.via() != Actor.Via.BEARER && !origins.allows(ctx)) {
            throw new ApiException.Forbidden("cross-origin WebSocket refused");
        }
        var workspaceId = ctx.queryParam("workspace_id");
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new ApiException.Invalid("query parameter workspace_id is required");
        }
        db.read(c -> Membership.require(c, workspaceId, actor.userId()));
        ctx.attribute(UPGRADE_ACTOR, actor);
        // "From now" must mean before the 101 reaches the client, not whenever onConnect runs after it.
        ctx.attribute(UPGRADE_TAIL, hub.tailCursor());
    }

    private void connected(WsConnectContext ws) {
        Actor actor = ws.attribute(UPGRADE_ACTOR);
        var cursor = ws.queryParam("after_cursor");
        ws.enableAutomaticPings(15, java.util.concurrent.TimeUnit.SECONDS);
        try {
            hub.subscribe(ws.session, actor.userId(), actor.sessionId(), ws.queryParam("workspace_id"),
                    cursor == null || cursor.isBlank() ? null : cursor, ws.<Long>attribute(UPGRADE_TAIL));
        } catch (Cursors.ResyncRequired e) {
            ws.closeSession(CloseCodes.RESYNC_REQUIRED, e.getMessage());
        }
    }

    private void ephemeral(Context ctx) {
        var actor = Actor.of(ctx);
        if (ctx.bodyAsBytes().length > EphemeralPayloads.MAX_BODY_BYTES) {
            throw new ApiException.Invalid("an ephemeral event is at most " + EphemeralPayloads.MAX_BODY_BYTES + " bytes");
        }
        var body = Bodies.read(ctx, PublishEphemeral.class);
        if (body.workspaceId() == null || body.workspaceId().isBlank()) {
            throw new ApiException.Invalid("workspace_id is required");
        }
        var payload = EphemeralPayloads.build(body.type(), body.channelId(), body.payload());
        db.read(c -> {
            Membership.require(c, body.workspaceId(), actor.userId());
            if (body.channelId() != null) {
                var channel = ChannelStore.byId(c, body.channelId());
                if (channel.isEmpty() || !channel.get().workspaceId().equals(body.workspaceId())) {
                    throw new ApiException.NotFound("channel");
                }
            }
            return null;
        });
        // The sender is whoever authenticated, never what the body claims.
        var event = new EphemeralEvent(body.type(), body.workspaceId(), body.channelId(), actor.userId(), Times.now(),
                payload);
        hub.publishEphemeral(body.workspaceId(), event);
        ctx.status(202).json(Map.of("event", event));
    }

    private void presence(Context ctx) {
        var workspaceId = ctx.pathParam("workspace_id");
        db.read(c -> Membership.require(c, workspaceId, Actor.of(ctx).userId()));
        ctx.json(Map.of("presence", hub.presence().online(workspaceId)));
    }
}
