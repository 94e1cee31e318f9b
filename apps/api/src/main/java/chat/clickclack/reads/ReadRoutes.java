package chat.clickclack.reads;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.RouteTable;
import io.javalin.http.Context;
import java.util.Map;

/** POST /api/channels/{channel_id}/read: move the caller's read pointer. */
public final class ReadRoutes {
    record MarkRead(Long seq) {}

    private final Reads reads;

    public ReadRoutes(Reads reads) {
        this.reads = reads;
    }

    public void register(RouteTable routes) {
        routes.post("/api/channels/{channel_id}/read", this::markChannel);
    }

    private void markChannel(Context ctx) {
        var body = Bodies.read(ctx, MarkRead.class);
        var marked = reads.markChannel(Actor.of(ctx).userId(), ctx.pathParam("channel_id"), body.seq());
        ctx.json(Map.of("receipt", marked.receipt()));
    }
}
