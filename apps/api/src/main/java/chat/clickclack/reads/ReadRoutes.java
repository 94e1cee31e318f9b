package chat.clickclack.reads;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.RouteTable;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Map;

/** POST /api/channels/{channel_id}/read and /api/dms/{dm_id}/read: move the caller's read pointer. */
public final class ReadRoutes {
    /** {@code seq} as a tree: the shared mapper would quietly truncate 1.5 to 1, and a read pointer is a whole seq. */
    record MarkRead(JsonNode seq) {}

    private final Reads reads;

    public ReadRoutes(Reads reads) {
        this.reads = reads;
    }

    public void register(RouteTable routes) {
        routes.post("/api/channels/{channel_id}/read", this::markChannel);
        routes.post("/api/dms/{dm_id}/read", this::markDirect);
    }

    private void markChannel(Context ctx) {
        var body = Bodies.read(ctx, MarkRead.class);
        var marked = reads.markChannel(Actor.of(ctx).userId(), ctx.pathParam("channel_id"), seq(body.seq()));
        ctx.json(Map.of("receipt", marked.receipt()));
    }

    private void markDirect(Context ctx) {
        var body = Bodies.read(ctx, MarkRead.class);
        var marked = reads.markDirect(Actor.of(ctx).userId(), ctx.pathParam("dm_id"), seq(body.seq()));
        ctx.json(Map.of("receipt", marked.receipt()));
    }

    private static Long seq(JsonNode raw) {
        if (raw == null || raw.isNull()) {
            return null;
        }
        if (!raw.isIntegralNumber() || !raw.canConvertToLong()) {
            throw new ApiException.Invalid("field 'seq' has the wrong type: it is a whole channel_seq");
        }
        return raw.longValue();
    }
}
