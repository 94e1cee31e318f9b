package chat.clickclack.auth;

import chat.clickclack.http.Bodies;
import chat.clickclack.http.RouteTable;
import io.javalin.http.Context;
import java.util.Map;

/** Sign-in with a magic token, and sign-out. */
public final class AuthRoutes {
    record ConsumeToken(String token) {}

    private final Sessions sessions;
    private final SessionCookie cookie;

    public AuthRoutes(Sessions sessions, SessionCookie cookie) {
        this.sessions = sessions;
        this.cookie = cookie;
    }

    public void register(RouteTable routes) {
        routes.post("/api/auth/magic/consume", this::consume);
        routes.post("/api/auth/logout", this::logout);
    }

    private void consume(Context ctx) {
        var body = Bodies.read(ctx, ConsumeToken.class);
        var signedIn = sessions.consumeMagicToken(body.token());
        cookie.set(ctx, signedIn.token());
        ctx.json(Map.of("user", signedIn.user(), "session", signedIn.session(), "token", signedIn.token()));
    }

    private void logout(Context ctx) {
        sessions.logout(Actor.of(ctx));
        cookie.clear(ctx);
        ctx.status(204);
    }
}
