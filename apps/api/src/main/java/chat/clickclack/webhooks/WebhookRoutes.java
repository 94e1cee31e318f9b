package chat.clickclack.webhooks;

import chat.clickclack.http.RouteTable;
import io.javalin.http.Context;

/**
 * The public webhook URL {@code POST /hooks/{key}}: the key is the credential, so it sits outside /api and its
 * session and CSRF checks. It answers as Mattermost does, 200 with the text {@code ok}.
 */
public final class WebhookRoutes {
    private final Webhooks webhooks;

    public WebhookRoutes(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    public void register(RouteTable routes) {
        routes.post("/hooks/{key}", this::post);
    }

    private void post(Context ctx) {
        webhooks.post(ctx.pathParam("key"), ctx.contentType(), ctx.bodyAsBytes());
        ctx.contentType("text/plain; charset=utf-8").result("ok");
    }
}
