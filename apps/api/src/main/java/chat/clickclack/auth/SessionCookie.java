package chat.clickclack.auth;

import chat.clickclack.http.ForwardedHeaders;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The {@code cc_session} cookie: HttpOnly, SameSite=Lax, and {@code Secure} whenever the browser reached us
 * over HTTPS — which behind a TLS-terminating proxy the request itself does not show. So it is Secure when
 * {@code public_url} is https (the operator says so), or when a trusted proxy reports
 * {@code X-Forwarded-Proto: https}. A Secure cookie is never sent over plain HTTP, where anyone on the
 * path could read it.
 */
public final class SessionCookie {
    private final boolean publicUrlIsHttps;
    private final ForwardedHeaders forwarded;

    public SessionCookie(String publicUrl, ForwardedHeaders forwarded) {
        this.publicUrlIsHttps = publicUrl.regionMatches(true, 0, "https://", 0, 8);
        this.forwarded = forwarded;
    }

    public void set(Context ctx, String token) {
        var cookie = new Cookie(Authenticator.SESSION_COOKIE, token);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setSameSite(SameSite.LAX);
        cookie.setMaxAge((int) Sessions.COOKIE_SESSION_TTL.toSeconds());
        cookie.setSecure(secure(ctx));
        ctx.cookie(cookie);
    }

    public void clear(Context ctx) {
        var cookie = new Cookie(Authenticator.SESSION_COOKIE, "");
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setSameSite(SameSite.LAX);
        cookie.setMaxAge(0);
        cookie.setSecure(secure(ctx));
        ctx.cookie(cookie);
    }

    boolean secure(Context ctx) {
        return publicUrlIsHttps || forwarded.secure(ctx);
    }
}
