package chat.clickclack.realtime;

import chat.clickclack.auth.Actor;
import chat.clickclack.auth.Authenticator;
import chat.clickclack.auth.OriginCheck;
import chat.clickclack.channels.ChannelStore;
import chat.clickclack.channels.Channels;
import chat.clickclack.dms.DirectAccess;
import chat.clickclack.events.Audience;
import chat.clickclack.db.Database;
import chat.clickclack.events.Cursors;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.DirectError;
import chat.clickclack.http.ForwardedHeaders;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import chat.clickclack.ids.Times;
import chat.clickclack.workspaces.Membership;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
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
    private static final String UPGRADE_RESERVATION = "clickclack.ws.reservation";

    record PublishEphemeral(String workspaceId, String channelId, String directConversationId, String type,
            Map<String, Object> payload) {}

    private final Database db;
    private final Hub hub;
    private final Authenticator authenticator;
    private final OriginCheck origins;
    private final ForwardedHeaders forwarded;
    private final SocketLimits limits;
    private final RateLimiter limiter;
    private final ViewSignal views;

    public RealtimeRoutes(Database db, Hub hub, Authenticator authenticator, OriginCheck origins,
            ForwardedHeaders forwarded, RateLimiter limiter, int maxSocketsPerUser, int maxSocketsPerAddress) {
        this.limiter = limiter;
        this.db = db;
        this.hub = hub;
        this.authenticator = authenticator;
        this.origins = origins;
        this.forwarded = forwarded;
        this.limits = new SocketLimits(maxSocketsPerUser, maxSocketsPerAddress);
        this.views = new ViewSignal(db, hub);
    }

    public void register(RouteTable routes) {
        routes.config().routes.wsBeforeUpgrade(WS_PATH, this::beforeUpgrade);
        routes.config().routes.ws(WS_PATH, ws -> {
            ws.onConnect(this::connected);
            ws.onMessage(ctx -> views.handle(ctx.session, ctx.message()));
            ws.onClose(ctx -> {
                limits.release(ctx.session);
                hub.socketClosed(ctx.session);
            });
            ws.onError(ctx -> {
                limits.release(ctx.session);
                hub.socketClosed(ctx.session);
            });
        });
        // The same path for a plain GET (no upgrade): say what is expected rather than "no route".
        routes.get(WS_PATH, ctx -> {
            throw new ApiException.UpgradeRequired("this endpoint speaks WebSocket: send an upgrade request");
        });
        routes.post("/api/realtime/ephemeral", limiter.guard(Action.EPHEMERAL, this::ephemeral));
        routes.get("/api/workspaces/{workspace_id}/presence", this::presence);
        // Any successful write is the user at work: it ends "away". Reads are not (a tab polls on its own), and
        // the ephemeral route decides for itself (saying "I am away" must not count as activity).
        routes.config().routes.after("/api/*", this::noteActivity);
    }

    private void noteActivity(Context ctx) {
        if (ctx.method() != HandlerType.GET && ctx.statusCode() < 400 && !ctx.path().equals("/api/realtime/ephemeral")) {
            Actor.find(ctx).ifPresent(actor -> hub.presence().active(actor.userId()));
        }
    }

    private void beforeUpgrade(Context ctx) {
        try {
            checkUpgrade(ctx);
        } catch (ApiException e) {
            DirectError.send(ctx.res(), e.status(), e.getMessage());
            throw e;
        }
    }

    private void checkUpgrade(Context ctx) {
        // Jetty answers a handshake without these with an exception (a 500 once it reaches us): say what is wrong.
        var key = ctx.header("Sec-WebSocket-Key");
        if (key == null || key.isBlank()) {
            throw new ApiException.Invalid("WebSocket handshake without a Sec-WebSocket-Key header");
        }
        if (!"13".equals(ctx.header("Sec-WebSocket-Version"))) {
            throw new ApiException.Invalid("WebSocket handshake must send Sec-WebSocket-Version: 13");
        }
        var actor = authenticator.resolve(ctx).orElseThrow(() -> new ApiException.Unauthorized("authentication required"));
        if (actor.via() != Actor.Via.BEARER && !origins.allows(ctx)) {
            throw new ApiException.Forbidden("cross-origin WebSocket refused");
        }
        var workspaceId = ctx.queryParam("workspace_id");
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new ApiException.Invalid("query parameter workspace_id is required");
        }
        chat.clickclack.auth.BotScopes.checkSocket(actor, workspaceId);
        db.read(c -> Membership.require(c, workspaceId, actor.userId()));
        var address = forwarded.clientAddress(ctx);
        ctx.attribute(UPGRADE_ACTOR, actor);
        // Counted now, before the 101, so a client cannot outrun the cap (see SocketLimits).
        ctx.attribute(UPGRADE_RESERVATION, limits.reserve(actor.userId(), address));
        // "From now" must mean before the 101 reaches the client, not whenever onConnect runs after it.
        ctx.attribute(UPGRADE_TAIL, hub.tailCursor());
    }

    private void connected(WsConnectContext ws) {
        Actor actor = ws.attribute(UPGRADE_ACTOR);
        if (!limits.admit(ws.session, ws.<SocketLimits.Reservation>attribute(UPGRADE_RESERVATION))) {
            ws.closeSession(CloseCodes.TRY_AGAIN_LATER, "too many open WebSockets");
            return;
        }
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
        var payload = EphemeralPayloads.build(body.type(), body.channelId(), body.directConversationId(), body.payload());
        var audience = db.read(c -> {
            Membership.require(c, body.workspaceId(), actor.userId());
            if (body.channelId() != null) {
                var channel = ChannelStore.byId(c, body.channelId());
                if (channel.isEmpty() || !channel.get().workspaceId().equals(body.workspaceId())) {
                    throw new ApiException.NotFound("channel");
                }
                // Typing reaches the channel's members (and, in a public one, whoever is previewing it).
                return Channels.audience(Channels.visible(c, actor.userId(), channel.get().id()));
            }
            if (body.directConversationId() != null) {
                var dm = DirectAccess.require(c, actor.userId(), body.directConversationId());
                if (!dm.workspaceId().equals(body.workspaceId())) {
                    throw new ApiException.NotFound("direct conversation");
                }
                return DirectAccess.audience(c, dm.id());
            }
            return Audience.WORKSPACE;
        });
        // The sender is whoever authenticated, never what the body claims.
        var event = new EphemeralEvent(body.type(), body.workspaceId(), body.channelId(), body.directConversationId(),
                actor.userId(), Times.now(), payload);
        if (isAwayOrBack(event)) {
            // Presence keeps the state and announces only a change; the event is what it would announce.
            hub.presence().report(body.workspaceId(), actor.userId(), (String) payload.get("status"));
        } else {
            if (event.type().startsWith("typing.")) {
                hub.presence().active(actor.userId());
            }
            hub.publishEphemeral(body.workspaceId(), event, audience);
        }
        ctx.status(202).json(Map.of("event", event));
    }

    private static boolean isAwayOrBack(EphemeralEvent event) {
        var status = event.payload().get("status");
        return event.type().equals("presence.changed") && ("away".equals(status) || "online".equals(status));
    }

    private void presence(Context ctx) {
        var workspaceId = ctx.pathParam("workspace_id");
        db.read(c -> Membership.require(c, workspaceId, Actor.of(ctx).userId()));
        ctx.json(Map.of("presence", hub.presence().online(workspaceId)));
    }
}
