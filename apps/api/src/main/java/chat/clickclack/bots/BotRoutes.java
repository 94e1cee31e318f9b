package chat.clickclack.bots;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.RouteTable;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** Bot accounts and tokens: create and list bots, issue and list a bot's tokens, revoke a token. */
public final class BotRoutes {
    record CreateBot(String name, String handle, List<String> scopes) {}

    record CreateToken(String name, List<String> scopes) {}

    private final Bots bots;

    public BotRoutes(Bots bots) {
        this.bots = bots;
    }

    public void register(RouteTable routes) {
        routes.post("/api/workspaces/{workspace_id}/bots", this::create);
        routes.get("/api/workspaces/{workspace_id}/bots", this::list);
        routes.get("/api/workspaces/{workspace_id}/bots/{bot_id}/tokens", this::tokens);
        routes.post("/api/workspaces/{workspace_id}/bots/{bot_id}/tokens", this::issue);
        routes.post("/api/bot-tokens/{bot_token_id}/revoke", this::revoke);
    }

    private void create(Context ctx) {
        var body = Bodies.read(ctx, CreateBot.class);
        var created = bots.create(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"), body.name(), body.handle(),
                body.scopes());
        ctx.status(201).json(Map.of("bot", created.bot(), "bot_token", created.botToken()));
    }

    private void list(Context ctx) {
        ctx.json(Map.of("bots", bots.list(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"))));
    }

    private void tokens(Context ctx) {
        ctx.json(Map.of("bot_tokens",
                bots.tokens(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"), ctx.pathParam("bot_id"))));
    }

    private void issue(Context ctx) {
        var body = ctx.bodyAsBytes().length == 0 ? new CreateToken(null, null) : Bodies.read(ctx, CreateToken.class);
        var token = bots.issue(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"), ctx.pathParam("bot_id"),
                body.name(), body.scopes());
        ctx.status(201).json(Map.of("bot_token", token));
    }

    private void revoke(Context ctx) {
        ctx.json(Map.of("bot_token", bots.revoke(Actor.of(ctx).userId(), ctx.pathParam("bot_token_id"))));
    }
}
