package chat.clickclack.uploads;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Serves a stored file safely. Every answer says {@code nosniff} and a sandboxing Content-Security-Policy
 * (an HTML or SVG file opened directly can run no script and reach nothing); only PNG, JPEG, GIF and WebP are
 * {@code inline}, everything else is a download. Content never changes under an id, so the ETag is its
 * SHA-256 and browsers may keep it a year ({@code private}: it is access-checked). One {@code Range}
 * ({@code bytes=a-b}, {@code a-}, {@code -n}) answers 206, as video and audio players ask; several ranges
 * are answered with the whole file (allowed by RFC 9110), an unsatisfiable one with 416.
 */
final class FileResponse {
    static final String CSP = "default-src 'none'; sandbox";
    static final String CACHE = "private, max-age=31536000, immutable";
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    private FileResponse() {}

    static void serve(Context ctx, Path file, String contentType, long size, String etag, String filename)
            throws IOException {
        var res = ctx.res();
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Content-Security-Policy", CSP);
        res.setHeader("Cache-Control", CACHE);
        res.setHeader("ETag", quoted(etag));
        res.setHeader("Accept-Ranges", "bytes");
        res.setHeader("Content-Disposition", disposition(Sniffer.INLINE.contains(contentType), filename));
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        long from = 0;
        long to = size - 1;
        var range = ctx.header("Range");
        if (range != null) {
            var m = RANGE.matcher(range.strip());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                long[] bounds = bounds(m.group(1), m.group(2), size);
                if (bounds == null) {
                    res.setHeader("Content-Range", "bytes */" + size);
                    ctx.status(416).json(java.util.Map.of("error", "range not satisfiable (the file has " + size + " bytes)"));
                    return;
                }
                from = bounds[0];
                to = bounds[1];
                ctx.status(206);
                res.setHeader("Content-Range", "bytes " + from + "-" + to + "/" + size);
            }
        }
        if (ctx.status().getCode() != 206) {
            ctx.status(200);
        }
        res.setContentType(contentType);
        res.setContentLengthLong(to - from + 1);
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(from);
            copy(in, res.getOutputStream(), to - from + 1);
        }
    }

    /** [from, to] of a satisfiable range, or null; an end past the file is cut at its last byte. */
    private static long[] bounds(String first, String last, long size) {
        try {
            if (first.isEmpty()) { // the last n bytes
                long n = Long.parseLong(last);
                return n == 0 || size == 0 ? null : new long[] {Math.max(0, size - n), size - 1};
            }
            long from = Long.parseLong(first);
            long to = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            return from >= size || to < from ? null : new long[] {from, to};
        } catch (NumberFormatException e) {
            return null; // digits beyond a long: no file is that big
        }
    }

    private static void copy(InputStream in, java.io.OutputStream out, long length) throws IOException {
        var buf = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(quoted(etag)));
    }

    private static String quoted(String etag) {
        return "\"" + etag + "\"";
    }

    /** {@code inline} or {@code attachment} with the name in both the ASCII and the RFC 5987 UTF-8 forms. */
    static String disposition(boolean inline, String filename) {
        var ascii = filename.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        var encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
