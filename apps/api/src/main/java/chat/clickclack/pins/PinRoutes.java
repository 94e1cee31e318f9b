package chat.clickclack.pins;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.RouteTable;
import io.javalin.http.Context;
import java.util.Map;

/** Pin routes: list, pin and unpin a channel's messages. */
public final class PinRoutes {
    record PinMessage(String messageId) {}

    private final Pins pins;

    public PinRoutes(Pins pins) {
        this.pins = pins;
    }

    public void register(RouteTable routes) {
        routes.get("/api/channels/{channel_id}/pins", this::list);
        routes.post("/api/channels/{channel_id}/pins", this::pin);
        routes.delete("/api/channels/{channel_id}/pins/{message_id}", this::unpin);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("messages", pins.list(Actor.of(ctx).userId(), ctx.pathParam("channel_id"))));
    }

    private void pin(Context ctx) {
        var body = Bodies.read(ctx, PinMessage.class);
        var pinned = pins.pin(Actor.of(ctx).userId(), ctx.pathParam("channel_id"), body.messageId());
        ctx.status(201).json(Map.of("pinned_message", pinned.pinnedMessage(), "event", pinned.event()));
    }

    private void unpin(Context ctx) {
        var event = pins.unpin(Actor.of(ctx).userId(), ctx.pathParam("channel_id"), ctx.pathParam("message_id"));
        ctx.json(Map.of("event", event));
    }
}
