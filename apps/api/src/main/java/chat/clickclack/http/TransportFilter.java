package chat.clickclack.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The first thing every request meets, before Javalin routes it: it sets the {@link SecurityHeaders},
 * refuses method-override headers, answers a declared body over the limit with 413 at once, and makes
 * the request stateless ({@link StatelessRequest}).
 *
 * <p>Security: Javalin honours {@code X-HTTP-Method-Override}, so a GET — which our CSRF rules let through
 * as safe, and which a page of another site can make a browser send — could act as a DELETE. No client of
 * ours needs the header, so a request that carries it is refused before routing.
 */
final class TransportFilter extends HttpFilter {
    private static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

    private final SecurityHeaders headers;
    private final long maxBodyBytes;

    TransportFilter(SecurityHeaders headers, long maxBodyBytes) {
        this.headers = headers;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        headers.apply(res);
        if (req.getHeader(METHOD_OVERRIDE) != null) {
            DirectError.send(res, 400, METHOD_OVERRIDE + " is not supported: send the real method");
            return;
        }
        if (req.getContentLengthLong() > maxBodyBytes) {
            // Answer now, without reading a byte of it: waiting for a body we will refuse anyway held the
            // connection until the idle timeout (a 408 after 30 s). The connection closes, as the body is unread.
            res.setHeader("Connection", "close");
            DirectError.send(res, 413, "request body too large (at most " + maxBodyBytes + " bytes)");
            return;
        }
        chain.doFilter(new StatelessRequest(req), res);
    }
}
