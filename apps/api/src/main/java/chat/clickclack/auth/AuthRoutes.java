package chat.clickclack.auth;

import chat.clickclack.http.Bodies;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Map;

/** Sign-in with a magic token, and sign-out. */
public final class AuthRoutes {
    record ConsumeToken(String token) {}

    private final Sessions sessions;
    private final RateLimiter limiter;

    public AuthRoutes(Sessions sessions, RateLimiter limiter) {
        this.sessions = sessions;
        this.limiter = limiter;
    }

    public void register(RouteTable routes) {
        routes.post("/api/auth/magic/consume", limiter.guard(Action.SIGN_IN, this::consume));
        routes.post("/api/auth/logout", this::logout);
    }

    private void consume(Context ctx) {
        var body = Bodies.read(ctx, ConsumeToken.class);
        var signedIn = sessions.consumeMagicToken(body.token());
        var cookie = new Cookie(Authenticator.SESSION_COOKIE, signedIn.token());
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setSameSite(SameSite.LAX);
        cookie.setMaxAge((int) Sessions.COOKIE_SESSION_TTL.toSeconds());
        cookie.setSecure("https".equalsIgnoreCase(ctx.scheme()));
        ctx.cookie(cookie);
        ctx.json(Map.of("user", signedIn.user(), "session", signedIn.session(), "token", signedIn.token()));
    }

    private void logout(Context ctx) {
        sessions.logout(Actor.of(ctx));
        ctx.removeCookie(Authenticator.SESSION_COOKIE, "/");
        ctx.status(204);
    }
}
