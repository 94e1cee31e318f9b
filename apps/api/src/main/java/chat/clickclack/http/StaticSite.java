package chat.clickclack.http;

import io.javalin.http.Context;
import io.javalin.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the embedded web build from the classpath ({@code web/} in the jar): the product site at
 * {@code /}, the SPA at {@code /app} (every non-file path under it gets the SPA's index.html so deep
 * links survive a reload), and hashed assets with a long cache lifetime.
 */
final class StaticSite {
    private static final String ROOT = "web";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "json", "application/json",
            "woff2", "font/woff2", "txt", "text/plain; charset=utf-8", "webmanifest", "application/manifest+json");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    void site(Context ctx) {
        serve(ctx, "index.html", "<!doctype html><title>ClickClack</title><p>The web build is missing. "
                + "Run <code>./mvnw package</code> to embed it, or use the API under /api.</p>");
    }

    void app(Context ctx) {
        var path = ctx.path();
        var rest = path.length() > "/app".length() ? path.substring("/app/".length()) : "";
        if (!rest.isEmpty() && rest.contains(".") && !rest.contains("..") && exists("app/" + rest)) {
            serve(ctx, "app/" + rest, null);
            return;
        }
        serve(ctx, "app/index.html", "<!doctype html><title>ClickClack</title><p>The web app is not built into this jar.</p>");
    }

    void asset(Context ctx) {
        var rest = ctx.path().substring(1);
        if (rest.contains("..") || !exists(rest)) {
            ctx.status(404).json(Map.of("error", "not found"));
            return;
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        serve(ctx, rest, null);
    }

    /** Serves a file under web/ at the site root (favicon, robots.txt), or 404. */
    void rootFile(Context ctx) {
        var rest = ctx.path().substring(1);
        if (rest.contains("..") || !exists(rest)) {
            ctx.status(404).json(Map.of("error", "not found"));
            return;
        }
        serve(ctx, rest, null);
    }

    /** A regular file of the web build; folders (which class loaders happily return, as empty or a listing) are not. */
    private boolean exists(String file) {
        if (cache.containsKey(file)) {
            return true;
        }
        if (file.isEmpty() || file.endsWith("/")) {
            return false;
        }
        var url = StaticSite.class.getClassLoader().getResource(ROOT + "/" + file);
        return url != null && isRegularFile(url);
    }

    private static boolean isRegularFile(URL url) {
        try {
            return switch (url.getProtocol()) {
                case "file" -> Files.isRegularFile(Path.of(url.toURI()));
                case "jar" -> url.openConnection() instanceof JarURLConnection jar && !jar.getJarEntry().isDirectory();
                default -> false;
            };
        } catch (IOException | URISyntaxException e) {
            return false;
        }
    }

    private void serve(Context ctx, String file, String fallbackHtml) {
        var bytes = cache.computeIfAbsent(file, StaticSite::load);
        if (bytes.length == 0 && fallbackHtml != null) {
            ctx.contentType(ContentType.TEXT_HTML).result(fallbackHtml);
            return;
        }
        var ext = file.substring(file.lastIndexOf('.') + 1);
        if (file.endsWith(".html")) {
            ctx.header("Cache-Control", "no-cache");
        }
        ctx.contentType(TYPES.getOrDefault(ext, "application/octet-stream")).result(bytes);
    }

    private static byte[] load(String file) {
        try (InputStream in = StaticSite.class.getClassLoader().getResourceAsStream(ROOT + "/" + file)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
