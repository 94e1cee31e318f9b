package chat.clickclack.commands;

import chat.clickclack.auth.Actor;
import chat.clickclack.auth.BotScopes;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Slash commands: {@code POST /api/commands/execute} (what the composer sends for a line starting with '/'),
 * the workspace's command list and registrations, and the public {@code /hooks/commands/{token}} response URL
 * (the token is the credential, so it sits outside /api and its session checks, like {@code /hooks/{key}}).
 */
public final class CommandRoutes {
    record Execute(String channelId, String directConversationId, String threadRootId, String command) {}

    record Register(String trigger, String url, String description, String usageHint) {}

    private final SlashCommands commands;
    private final RegisteredCommands registered;
    private final CommandCallbacks callbacks;
    private final RateLimiter limiter;

    public CommandRoutes(SlashCommands commands, RegisteredCommands registered, CommandCallbacks callbacks,
            RateLimiter limiter) {
        this.commands = commands;
        this.registered = registered;
        this.callbacks = callbacks;
        this.limiter = limiter;
    }

    public void register(RouteTable routes) {
        // Commands that post count against the posting limit, like any message.
        routes.post("/api/commands/execute", limiter.guard(Action.MESSAGE_POST, this::execute));
        routes.get("/api/workspaces/{workspace_id}/commands", this::list);
        routes.post("/api/workspaces/{workspace_id}/commands", this::create);
        routes.post("/api/commands/{command_id}/revoke", this::revoke);
        routes.post("/api/commands/{command_id}/rotate-secret", this::rotate);
        routes.post("/hooks/commands/{token}", limiter.guard(Action.WEBHOOK_POST, this::respond));
    }

    private void execute(Context ctx) {
        var body = Bodies.read(ctx, Execute.class);
        var actor = Actor.of(ctx);
        if (body.directConversationId() != null) {
            BotScopes.require(actor, "dms:write"); // commands:write alone reaches channels only
        }
        var place = new SlashCommands.Place(body.channelId(), body.directConversationId(), body.threadRootId());
        var result = commands.execute(actor.userId(), place, body.command());
        ctx.json(SlashCommands.body(result));
    }

    private void list(Context ctx) {
        ctx.json(Map.of("commands", registered.list(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"))));
    }

    private void create(Context ctx) {
        var body = Bodies.read(ctx, Register.class);
        var created = registered.register(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"),
                new RegisteredCommands.Registration(body.trigger(), body.url(), body.description(), body.usageHint()));
        ctx.status(201).json(Map.of("command", created.command(), "secret", created.secret()));
    }

    private void revoke(Context ctx) {
        ctx.json(Map.of("command", registered.revoke(Actor.of(ctx).userId(), ctx.pathParam("command_id"))));
    }

    private void rotate(Context ctx) {
        var rotated = registered.rotate(Actor.of(ctx).userId(), ctx.pathParam("command_id"));
        ctx.json(Map.of("command", rotated.command(), "secret", rotated.secret()));
    }

    private void respond(Context ctx) {
        ctx.json(SlashCommands.body(callbacks.respond(ctx.pathParam("token"), ctx.bodyAsBytes())));
    }
}
