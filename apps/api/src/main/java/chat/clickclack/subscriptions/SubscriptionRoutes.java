package chat.clickclack.subscriptions;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.Params;
import chat.clickclack.http.RouteTable;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** Outgoing event subscriptions and their delivery log (owners and moderators of the workspace). */
public final class SubscriptionRoutes {
    record Create(String url, List<String> eventTypes) {}

    private final EventSubscriptions subscriptions;

    public SubscriptionRoutes(EventSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    public void register(RouteTable routes) {
        routes.get("/api/workspaces/{workspace_id}/event-subscriptions", this::list);
        routes.post("/api/workspaces/{workspace_id}/event-subscriptions", this::create);
        routes.post("/api/event-subscriptions/{subscription_id}/pause", this::pause);
        routes.post("/api/event-subscriptions/{subscription_id}/resume", this::resume);
        routes.delete("/api/event-subscriptions/{subscription_id}", this::delete);
        routes.get("/api/event-subscriptions/{subscription_id}/deliveries", this::deliveries);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("subscriptions", subscriptions.list(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"))));
    }

    private void create(Context ctx) {
        var body = Bodies.read(ctx, Create.class);
        var created = subscriptions.create(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"), body.url(),
                body.eventTypes());
        ctx.status(201).json(Map.of("subscription", created.subscription(), "secret", created.secret()));
    }

    private void pause(Context ctx) {
        ctx.json(Map.of("subscription", subscriptions.pause(Actor.of(ctx).userId(), ctx.pathParam("subscription_id"))));
    }

    private void resume(Context ctx) {
        ctx.json(Map.of("subscription", subscriptions.resume(Actor.of(ctx).userId(), ctx.pathParam("subscription_id"))));
    }

    private void delete(Context ctx) {
        subscriptions.delete(Actor.of(ctx).userId(), ctx.pathParam("subscription_id"));
        ctx.status(204);
    }

    private void deliveries(Context ctx) {
        int limit = Params.limit(ctx, 1, EventSubscriptions.MAX_DELIVERY_PAGE, EventSubscriptions.DEFAULT_DELIVERY_PAGE);
        ctx.json(Map.of("deliveries", subscriptions.deliveries(Actor.of(ctx).userId(), ctx.pathParam("subscription_id"),
                limit)));
    }
}
