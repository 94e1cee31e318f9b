package chat.clickclack.auth;

import chat.clickclack.http.ForwardedHeaders;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;

/**
 * Decides whether a browser request comes from our own pages. A request without an Origin header is not
 * from a browser page (curl, bots) and passes. Otherwise its Origin — scheme, host and port — must name
 * this server: either the configured public URL, or the scheme and Host the request itself arrived with
 * (the scheme from a trusted proxy's X-Forwarded-Proto, see {@link ForwardedHeaders}). Behind a reverse
 * proxy that rewrites Host (nginx's default does), only the public URL matches what the browser saw. The
 * scheme counts: {@code http://chat.example.com} is another origin than {@code https://chat.example.com}
 * (a network attacker can serve the plain-HTTP one).
 */
public final class OriginCheck {
    private final String publicOrigin;
    private final ForwardedHeaders forwarded;

    public OriginCheck(String publicUrl, ForwardedHeaders forwarded) {
        this.publicOrigin = origin(publicUrl);
        this.forwarded = forwarded;
    }

    public boolean allows(Context ctx) {
        var origin = ctx.header("Origin");
        if (origin == null || origin.isBlank()) {
            return true;
        }
        var claimed = origin(origin);
        if (claimed == null) {
            return false;
        }
        var host = ctx.header("Host");
        return claimed.equals(publicOrigin)
                || (host != null && claimed.equals(origin(forwarded.scheme(ctx) + "://" + host)));
    }

    /**
     * "HTTPS://Chat.example.com:443/x" → "https://chat.example.com": lower-case, the scheme's default port
     * left out (as browsers write Origin), or null when it is not an http(s) URL.
     */
    static String origin(String url) {
        try {
            var uri = URI.create(url.trim());
            if (uri.getHost() == null || uri.getScheme() == null) {
                return null;
            }
            var scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int defaultPort = switch (scheme) {
                case "http" -> 80;
                case "https" -> 443;
                default -> -2;
            };
            if (defaultPort == -2) {
                return null;
            }
            var host = uri.getHost().toLowerCase(Locale.ROOT);
            var port = uri.getPort() == -1 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort();
            return scheme + "://" + host + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
