package chat.clickclack.auth;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;

/**
 * Decides whether a browser request comes from our own pages. A request without an Origin header is not
 * from a browser page (curl, bots) and passes. Otherwise its Origin must name this server: either the
 * Host the request was sent to, or the configured public URL — behind a reverse proxy that rewrites Host
 * (nginx's default does), only the public URL matches what the browser saw.
 */
public final class OriginCheck {
    private final String publicHost;

    public OriginCheck(String publicUrl) {
        this.publicHost = hostAndPort(publicUrl);
    }

    public boolean allows(Context ctx) {
        var origin = ctx.header("Origin");
        if (origin == null || origin.isBlank()) {
            return true;
        }
        var originHost = hostAndPort(origin);
        if (originHost == null) {
            return false;
        }
        var host = ctx.header("Host");
        return originHost.equals(publicHost) || (host != null && originHost.equals(host.toLowerCase(Locale.ROOT)));
    }

    /** "https://Chat.example.com:8443/x" → "chat.example.com:8443"; the default port is left out, as in Host. */
    static String hostAndPort(String url) {
        try {
            var uri = URI.create(url.trim());
            if (uri.getHost() == null) {
                return null;
            }
            var host = uri.getHost().toLowerCase(Locale.ROOT);
            return uri.getPort() == -1 ? host : host + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
