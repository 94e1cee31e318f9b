package chat.clickclack.auth;

import chat.clickclack.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Set;

/**
 * Runs before every /api route: authenticate, and protect cookie and dev-fallback writes from other sites.
 *
 * <p>CSRF: a browser attaches the session cookie to requests that other sites trigger. So every
 * cookie-authenticated write must carry {@code X-ClickClack-CSRF: 1} — a custom header that a page of
 * another origin cannot send without a CORS preflight, which this server never approves — and, when the
 * browser sends an Origin, it must be this server's own. The dev fallback has no cookie but is just as
 * reachable from a malicious page on the developer's machine, so its writes need a same-origin (or absent)
 * Origin too. Bearer tokens are never sent automatically by browsers and need neither.
 */
public final class AccessFilter {
    /** Routes anyone may call: signing in, and what the sign-in and invite pages show before that. */
    private static final Set<String> PUBLIC_PATHS = Set.of("/api/auth/magic/consume", "/api/auth/magic/inspect",
            "/api/auth/magic/request", "/api/auth/providers", "/api/auth/github/start", "/api/auth/github/callback");
    private static final Set<HandlerType> SAFE_METHODS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Authenticator authenticator;
    private final OriginCheck origins;

    public AccessFilter(Authenticator authenticator, OriginCheck origins) {
        this.authenticator = authenticator;
        this.origins = origins;
    }

    public void handle(Context ctx) {
        if (ctx.path().equals("/api/realtime/ws")) {
            return; // the WebSocket authenticates in its own before-upgrade step
        }
        if (PUBLIC_PATHS.contains(ctx.path()) || isInvitePreview(ctx)) {
            // Login CSRF: another site must not sign a visitor in as the attacker (a form post of the
            // attacker's own magic token), so even the public sign-in only accepts our own pages.
            if (!SAFE_METHODS.contains(ctx.method()) && !origins.allows(ctx)) {
                throw new ApiException.Forbidden("cross-origin request refused");
            }
            return;
        }
        var actor = authenticator.resolve(ctx)
                .orElseThrow(() -> new ApiException.Unauthorized("authentication required"));
        if (!SAFE_METHODS.contains(ctx.method())) {
            if (actor.via() == Actor.Via.COOKIE && !"1".equals(ctx.header("X-ClickClack-CSRF"))) {
                throw new ApiException.Forbidden("cookie-authenticated writes need the header X-ClickClack-CSRF: 1");
            }
            if (actor.via() != Actor.Via.BEARER && !origins.allows(ctx)) {
                throw new ApiException.Forbidden("cross-origin request refused");
            }
        }
        if (actor.bot() != null) {
            BotScopes.check(ctx, actor.bot());
        }
        ctx.attribute(Actor.ATTRIBUTE, actor);
    }

    /** {@code GET /api/invites/{token}}: the invite page shows the workspace's name to whoever holds the link. */
    private static boolean isInvitePreview(Context ctx) {
        var path = ctx.path();
        return ctx.method() == HandlerType.GET && path.startsWith("/api/invites/") && path.indexOf('/', 13) < 0;
    }
}
