package chat.clickclack.users;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.RouteTable;
import io.javalin.http.Context;
import java.util.Map;

/** GET/PATCH /api/me: the caller's own profile. */
public final class MeRoutes {
    private final Profiles profiles;

    public MeRoutes(Profiles profiles) {
        this.profiles = profiles;
    }

    public void register(RouteTable routes) {
        routes.get("/api/me", this::me);
        routes.patch("/api/me", this::update);
    }

    private void me(Context ctx) {
        var actor = Actor.of(ctx);
        var user = profiles.get(actor.userId());
        // The web app says "the dev fallback is on" instead of offering a sign-out that cannot stick.
        ctx.json(actor.via() == Actor.Via.DEV ? Map.of("user", user, "dev_fallback", true) : Map.of("user", user));
    }

    /** Answers the user only, as before; the user.updated events reach the workspaces over the log. */
    private void update(Context ctx) {
        var change = Bodies.read(ctx, ProfileChange.class);
        ctx.json(Map.of("user", profiles.update(Actor.of(ctx).userId(), change).user()));
    }
}
