package chat.clickclack.http;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

/**
 * The headers every response carries — the product site, the web app, the API and its errors alike.
 *
 * <p>Security: the Content-Security-Policy allows scripts only from our own origin (the Vite build has no
 * inline script), no plugins, no {@code <base>} rewriting, and no framing by another site unless an
 * operator names the embedders ({@code frame_ancestors}) — a page on another origin could otherwise frame
 * the signed-in app and trick clicks (clickjacking). Styles may be inline because Svelte sets style
 * attributes; images may come from anywhere because avatars are URLs. {@code X-Frame-Options} repeats the
 * framing rule for browsers that predate {@code frame-ancestors}.
 */
final class SecurityHeaders {
    static final String REFERRER_POLICY = "same-origin";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=()";

    private final String contentSecurityPolicy;
    private final String frameOptions;

    SecurityHeaders(List<String> frameAncestors) {
        var ancestors = frameAncestors.isEmpty() ? "'none'" : String.join(" ", frameAncestors);
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src * data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors " + ancestors;
        this.frameOptions = frameAncestors.isEmpty() ? "DENY" : null;
    }

    void apply(HttpServletResponse res) {
        res.setHeader("Content-Security-Policy", contentSecurityPolicy);
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", REFERRER_POLICY);
        res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        if (frameOptions != null) {
            res.setHeader("X-Frame-Options", frameOptions);
        }
    }
}
