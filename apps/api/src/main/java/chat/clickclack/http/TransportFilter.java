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
    /** The upload route streams its body to disk and counts it itself; only its declared length is checked here. */
    static final String UPLOAD_PATH = "/api/uploads";
    /** Room for the multipart framing around a file of the largest size (boundaries, part headers, other fields). */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final long maxBodyBytes;
    private final long maxUploadBodyBytes;

    TransportFilter(SecurityHeaders headers, long maxBodyBytes, long maxUploadBytes) {
        this.headers = headers;
        this.maxBodyBytes = maxBodyBytes;
        this.maxUploadBodyBytes = Math.max(maxBodyBytes, maxUploadBytes + MULTIPART_OVERHEAD);
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        headers.apply(res);
        if (req.getHeader(METHOD_OVERRIDE) != null) {
            DirectError.send(res, 400, METHOD_OVERRIDE + " is not supported: send the real method");
            return;
        }
        boolean upload = "POST".equals(req.getMethod()) && UPLOAD_PATH.equals(req.getRequestURI());
        long limit = upload ? maxUploadBodyBytes : maxBodyBytes;
        if (req.getContentLengthLong() > limit) {
            // Answer now, without reading a byte of it: waiting for a body we will refuse anyway held the
            // connection until the idle timeout (a 408 after 30 s). The connection closes, as the body is unread.
            res.setHeader("Connection", "close");
            DirectError.send(res, 413, upload ? "file too large (at most " + (limit - MULTIPART_OVERHEAD) + " bytes)"
                    : "request body too large (at most " + maxBodyBytes + " bytes)");
            return;
        }
        chain.doFilter(new StatelessRequest(req), res);
    }
}
