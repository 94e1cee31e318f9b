package chat.clickclack.reactions;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import io.javalin.http.Context;
import java.util.HashMap;

/** Reaction routes: add and remove one emoji on a message. */
public final class ReactionRoutes {
    record AddReaction(String emoji) {}

    private final Reactions reactions;
    private final RateLimiter limiter;

    public ReactionRoutes(Reactions reactions, RateLimiter limiter) {
        this.reactions = reactions;
        this.limiter = limiter;
    }

    public void register(RouteTable routes) {
        routes.post("/api/messages/{message_id}/reactions", limiter.guard(Action.REACTION, this::add));
        routes.delete("/api/messages/{message_id}/reactions/{emoji}", limiter.guard(Action.REACTION, this::remove));
    }

    private void add(Context ctx) {
        var body = Bodies.read(ctx, AddReaction.class);
        var result = reactions.add(Actor.of(ctx).userId(), ctx.pathParam("message_id"), body.emoji());
        respond(ctx, result, result.changed() ? 201 : 200);
    }

    private void remove(Context ctx) {
        var result = reactions.remove(Actor.of(ctx).userId(), ctx.pathParam("message_id"), ctx.pathParam("emoji"));
        respond(ctx, result, 200);
    }

    private static void respond(Context ctx, Reactions.Result result, int status) {
        var body = new HashMap<String, Object>();
        body.put("event", result.event());
        body.put("reactions", result.reactions());
        ctx.status(status).json(body);
    }
}
