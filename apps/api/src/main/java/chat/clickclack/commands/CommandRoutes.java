package chat.clickclack.commands;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import io.javalin.http.Context;

/** {@code POST /api/commands/execute {channel_id, command}}: what the composer sends for a line starting with '/'. */
public final class CommandRoutes {
    record Execute(String channelId, String command) {}

    private final SlashCommands commands;
    private final RateLimiter limiter;

    public CommandRoutes(SlashCommands commands, RateLimiter limiter) {
        this.commands = commands;
        this.limiter = limiter;
    }

    public void register(RouteTable routes) {
        // Commands that post count against the posting limit, like any message.
        routes.post("/api/commands/execute", limiter.guard(Action.MESSAGE_POST, this::execute));
    }

    private void execute(Context ctx) {
        var body = Bodies.read(ctx, Execute.class);
        var result = commands.execute(Actor.of(ctx).userId(), body.channelId(), body.command());
        ctx.json(SlashCommands.body(result));
    }
}
