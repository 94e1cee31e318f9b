package chat.clickclack.auth;

import chat.clickclack.http.ApiException;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;

/** {@code GET /api/auth/github/start} and {@code /callback}: browser navigations, answered with redirects. */
public final class GitHubRoutes {
    private final GitHubSignIn github;
    private final SessionCookie sessionCookie;
    private final Authenticator authenticator;
    private final RateLimiter limiter;

    public GitHubRoutes(GitHubSignIn github, SessionCookie sessionCookie, Authenticator authenticator, RateLimiter limiter) {
        this.github = github;
        this.sessionCookie = sessionCookie;
        this.authenticator = authenticator;
        this.limiter = limiter;
    }

    public void register(RouteTable routes) {
        routes.get("/api/auth/github/start", limiter.guard(Action.SIGN_IN, this::start));
        routes.get("/api/auth/github/callback", limiter.guard(Action.SIGN_IN, this::callback));
    }

    private void start(Context ctx) {
        var started = github.start(ctx.queryParam("invite"), signedInUser(ctx));
        ctx.cookie(stateCookie(ctx, started.binding(), (int) GitHubSignIn.FLOW_TTL.toSeconds()));
        ctx.redirect(started.authorizeUrl(), HttpStatus.FOUND);
    }

    private void callback(Context ctx) {
        var binding = ctx.cookie(GitHubSignIn.STATE_COOKIE);
        // The binding is good for one attempt: cleared whatever the outcome.
        ctx.cookie(stateCookie(ctx, "", 0));
        var finished = github.finish(ctx.queryParam("state"), ctx.queryParam("code"), ctx.queryParam("error"), binding);
        sessionCookie.set(ctx, finished.sessionToken());
        ctx.redirect(finished.redirectTo(), HttpStatus.FOUND);
    }

    /** The user whose browser session starts the flow: GitHub gets linked to them instead of signing in anew. */
    private String signedInUser(Context ctx) {
        try {
            return authenticator.resolve(ctx).filter(a -> a.via() == Actor.Via.COOKIE).map(Actor::userId).orElse(null);
        } catch (ApiException e) {
            return null; // a stale cookie is simply not signed in
        }
    }

    /** SameSite=Lax: the callback is a top-level navigation from GitHub, which Lax cookies accompany. */
    private Cookie stateCookie(Context ctx, String value, int maxAgeSeconds) {
        var cookie = new Cookie(GitHubSignIn.STATE_COOKIE, value);
        cookie.setHttpOnly(true);
        cookie.setPath(GitHubSignIn.COOKIE_PATH);
        cookie.setSameSite(SameSite.LAX);
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setSecure(sessionCookie.secure(ctx));
        return cookie;
    }
}
