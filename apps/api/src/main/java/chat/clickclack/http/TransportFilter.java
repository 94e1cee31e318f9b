package chat.clickclack.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The first thing every request meets, before Javalin routes it: it sets the {@link SecurityHeaders},
 * refuses method-override headers and makes the request stateless ({@link StatelessRequest}).
 *
 * <p>Security: Javalin honours {@code X-HTTP-Method-Override}, so a GET — which our CSRF rules let through
 * as safe, and which a page of another site can make a browser send — could act as a DELETE. No client of
 * ours needs the header, so a request that carries it is refused before routing.
 */
final class TransportFilter extends HttpFilter {
    private static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

    private final SecurityHeaders headers;

    TransportFilter(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        headers.apply(res);
        if (req.getHeader(METHOD_OVERRIDE) != null) {
            DirectError.send(res, 400, METHOD_OVERRIDE + " is not supported: send the real method");
            return;
        }
        chain.doFilter(new StatelessRequest(req), res);
    }
}
