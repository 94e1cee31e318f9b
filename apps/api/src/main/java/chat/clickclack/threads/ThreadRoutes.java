package chat.clickclack.threads;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.Params;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import io.javalin.http.Context;
import java.util.Map;

/** Thread routes: read a thread, reply in it. */
public final class ThreadRoutes {
    record PostReply(String body, String nonce, java.util.List<String> uploadIds) {}

    private final Threads threads;
    private final RateLimiter limiter;

    public ThreadRoutes(Threads threads, RateLimiter limiter) {
        this.threads = threads;
        this.limiter = limiter;
    }

    public void register(RouteTable routes) {
        routes.get("/api/messages/{message_id}/thread", this::get);
        routes.post("/api/messages/{message_id}/thread/replies", limiter.guard(Action.MESSAGE_POST, this::reply));
    }

    private void get(Context ctx) {
        int limit = Params.limit(ctx, 1, Threads.MAX_REPLIES, Threads.MAX_REPLIES);
        var thread = threads.get(Actor.of(ctx).userId(), ctx.pathParam("message_id"), limit);
        ctx.json(Map.of("root", thread.root(), "replies", thread.replies(), "thread_state", thread.threadState()));
    }

    private void reply(Context ctx) {
        var body = Bodies.read(ctx, PostReply.class);
        var replied = threads.reply(Actor.of(ctx).userId(), ctx.pathParam("message_id"), body.body(), body.nonce(),
                body.uploadIds());
        ctx.status(replied.created() ? 201 : 200).json(Map.of(
                "message", replied.message(), "thread_state", replied.threadState(), "events", replied.events()));
    }
}
