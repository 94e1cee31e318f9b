package chat.clickclack.auth;

import chat.clickclack.http.ApiException;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import io.javalin.http.Context;
import java.util.LinkedHashMap;

/**
 * Sign-in with a magic token, inspecting a token before using it, and sign-out.
 *
 * <p>Security: a browser signs in with {@code "credential": "cookie"} and gets only the HttpOnly cookie,
 * whose secret never appears in a body (page scripts, extensions and logs of JSON never see it). Any other
 * caller (the CLI, bots, the original SDK) gets a bearer token of its own in the body and no cookie.
 */
public final class AuthRoutes {
    record ConsumeToken(String token, String credential) {}

    record InspectToken(String token) {}

    private final Sessions sessions;
    private final SessionCookie cookie;
    private final RateLimiter limiter;
    private final Authenticator authenticator;

    public AuthRoutes(Sessions sessions, SessionCookie cookie, RateLimiter limiter, Authenticator authenticator) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.limiter = limiter;
        this.authenticator = authenticator;
    }

    public void register(RouteTable routes) {
        routes.post("/api/auth/magic/consume", limiter.guard(Action.SIGN_IN, this::consume));
        routes.post("/api/auth/magic/inspect", limiter.guard(Action.SIGN_IN, this::inspect));
        routes.post("/api/auth/logout", this::logout);
    }

    private void consume(Context ctx) {
        var body = Bodies.read(ctx, ConsumeToken.class);
        var credential = switch (body.credential() == null ? "bearer" : body.credential()) {
            case "cookie" -> Sessions.Credential.COOKIE;
            case "bearer" -> Sessions.Credential.BEARER;
            default -> throw new ApiException.Invalid("credential must be cookie or bearer");
        };
        var signedIn = sessions.consumeMagicToken(body.token(), credential);
        var session = new LinkedHashMap<String, Object>();
        session.put("id", signedIn.session().id());
        session.put("user_id", signedIn.session().userId());
        session.put("created_at", signedIn.session().createdAt());
        session.put("expires_at", signedIn.session().expiresAt());
        var answer = new LinkedHashMap<String, Object>();
        answer.put("user", signedIn.user());
        answer.put("session", session);
        if (credential == Sessions.Credential.COOKIE) {
            cookie.set(ctx, signedIn.token());
        } else {
            session.put("token", signedIn.token());
            answer.put("token", signedIn.token());
        }
        ctx.json(answer);
    }

    /**
     * The link's account, and whom the caller is signed in as now (a real session, cookie or bearer; the dev
     * fallback is nobody's sign-in, so a link simply takes over from it). A public route: credentials that
     * do not work just mean "not signed in".
     */
    private void inspect(Context ctx) {
        var token = Bodies.read(ctx, InspectToken.class).token();
        String current;
        try {
            current = authenticator.resolve(ctx).filter(a -> a.via() != Actor.Via.DEV).map(Actor::userId).orElse(null);
        } catch (ApiException e) {
            current = null;
        }
        var owner = sessions.inspectMagicToken(token, current);
        var answer = new LinkedHashMap<String, Object>();
        answer.put("user", owner.user());
        answer.put("display_name", owner.user().displayName());
        if (owner.email() != null) {
            answer.put("email", owner.email());
        }
        if (owner.signedInAs() != null) {
            answer.put("signed_in_as", owner.signedInAs());
        }
        ctx.json(answer);
    }

    private void logout(Context ctx) {
        sessions.logout(Actor.of(ctx));
        cookie.clear(ctx);
        ctx.status(204);
    }
}
