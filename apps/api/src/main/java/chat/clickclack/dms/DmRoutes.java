package chat.clickclack.dms;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.Params;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import chat.clickclack.messages.MessageRoutes;
import chat.clickclack.messages.Messages;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The direct-message routes: list, create (or find), get, hide, reopen, and page and post messages. */
public final class DmRoutes {
    record CreateDm(String workspaceId, List<String> memberIds) {}

    private final Dms dms;
    private final RateLimiter limiter;

    public DmRoutes(Dms dms, RateLimiter limiter) {
        this.dms = dms;
        this.limiter = limiter;
    }

    public void register(RouteTable routes) {
        routes.get("/api/dms", this::list);
        routes.post("/api/dms", this::create);
        routes.get("/api/dms/{dm_id}", this::get);
        routes.delete("/api/dms/{dm_id}", this::hide);
        routes.post("/api/dms/{dm_id}/open", this::open);
        routes.get("/api/dms/{dm_id}/messages", this::page);
        routes.post("/api/dms/{dm_id}/messages", limiter.guard(Action.MESSAGE_POST, this::post));
    }

    private void list(Context ctx) {
        ctx.json(Map.of("conversations", dms.list(userId(ctx), Params.required(ctx, "workspace_id"))));
    }

    private void create(Context ctx) {
        var body = Bodies.read(ctx, CreateDm.class);
        var opened = dms.create(userId(ctx), body.workspaceId(), body.memberIds());
        ctx.status(opened.created() ? 201 : 200);
        ctx.json(Map.of("conversation", opened.conversation()));
    }

    private void get(Context ctx) {
        ctx.json(Map.of("conversation", dms.get(userId(ctx), dmId(ctx))));
    }

    private void hide(Context ctx) {
        dms.hide(userId(ctx), dmId(ctx));
        ctx.json(Map.of("ok", true));
    }

    private void open(Context ctx) {
        ctx.json(Map.of("conversation", dms.open(userId(ctx), dmId(ctx))));
    }

    private void page(Context ctx) {
        var q = MessageRoutes.pageQuery(ctx);
        ctx.json(dms.page(userId(ctx), dmId(ctx), q.paging(), q.anchor(), q.limit()));
    }

    private void post(Context ctx) {
        var body = MessageRoutes.newMessage(ctx);
        var sent = dms.post(userId(ctx), dmId(ctx), body.body(), body.nonce(), body.uploadIds());
        MessageRoutes.answerPost(ctx, new Messages.Posted(sent.message(), sent.events().getFirst(), sent.created(),
                sent.messageJson()));
    }

    private static String userId(Context ctx) {
        return Actor.of(ctx).userId();
    }

    private static String dmId(Context ctx) {
        return ctx.pathParam("dm_id");
    }
}
