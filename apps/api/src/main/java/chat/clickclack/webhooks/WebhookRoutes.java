package chat.clickclack.webhooks;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The public webhook URL {@code POST /hooks/{key}}: the key is the credential, so it sits outside /api and its
 * session and CSRF checks. It answers as Mattermost does, 200 with the text {@code ok}. Beside it, the
 * authenticated {@code POST /api/hooks/mattermost/{channel_id}} takes the same payload from a signed-in caller.
 */
public final class WebhookRoutes {
    private final Webhooks webhooks;
    private final RateLimiter limiter;

    public WebhookRoutes(Webhooks webhooks, RateLimiter limiter) {
        this.webhooks = webhooks;
        this.limiter = limiter;
    }

    public void register(RouteTable routes) {
        routes.post("/hooks/{key}", limiter.guard(Action.WEBHOOK_POST, this::post));
        routes.post("/api/hooks/mattermost/{channel_id}", this::postAs);
        routes.get("/api/workspaces/{workspace_id}/webhooks", this::list);
        routes.post("/api/workspaces/{workspace_id}/webhooks", this::create);
        routes.post("/api/webhooks/{webhook_id}/rotate", this::rotate);
        routes.post("/api/webhooks/{webhook_id}/revoke", this::revoke);
    }

    record CreateWebhook(String channelId, String name) {}

    private void list(Context ctx) {
        ctx.json(Map.of("webhooks", webhooks.list(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"))));
    }

    private void create(Context ctx) {
        var body = Bodies.read(ctx, CreateWebhook.class);
        var hook = webhooks.create(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"), body.channelId(), body.name());
        ctx.status(201).json(Map.of("webhook", hook));
    }

    private void rotate(Context ctx) {
        ctx.json(Map.of("webhook", webhooks.rotate(Actor.of(ctx).userId(), ctx.pathParam("webhook_id"))));
    }

    private void revoke(Context ctx) {
        ctx.json(Map.of("webhook", webhooks.revoke(Actor.of(ctx).userId(), ctx.pathParam("webhook_id"))));
    }

    /** 201 {message, event}, like posting a message. */
    private void postAs(Context ctx) {
        var sent = webhooks.postAs(Actor.of(ctx).userId(), ctx.pathParam("channel_id"), ctx.contentType(),
                ctx.bodyAsBytes());
        ctx.status(201).json(Map.of("message", sent.message(), "event", sent.events().getFirst()));
    }

    private void post(Context ctx) {
        webhooks.post(ctx.pathParam("key"), ctx.contentType(), ctx.bodyAsBytes());
        ctx.contentType("text/plain; charset=utf-8").result("ok");
    }
}
