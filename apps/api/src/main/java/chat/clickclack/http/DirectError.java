package chat.clickclack.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes an {@code {"error": ...}} answer straight to the servlet response, for the places where Javalin
 * would not send our JSON: before routing (the transport filter) and on a refused WebSocket upgrade, where
 * Javalin sets the status of an exception but never writes the body.
 */
public final class DirectError {
    private DirectError() {}

    public static void send(HttpServletResponse res, int status, String message) {
        try {
            var body = Json.MAPPER.writeValueAsBytes(Map.of("error", message));
            res.setStatus(status);
            res.setContentType("application/json");
            res.setContentLength(body.length);
            res.getOutputStream().write(body);
            res.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
