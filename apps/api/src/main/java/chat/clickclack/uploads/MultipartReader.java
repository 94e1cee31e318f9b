package chat.clickclack.uploads;

import chat.clickclack.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A streaming reader of a {@code multipart/form-data} body (RFC 7578): each part's bytes go straight to a
 * sink through one fixed 64 KiB buffer, so a 64 MiB file costs 64 KiB of heap, never its size. Why our own
 * rather than the servlet container's part handling: Jetty's spills big parts to a file of its own, which
 * we would then copy (twice the disk writes) and whose size limit fails as a container error rather than
 * our 413 with nothing kept; reading the raw stream lets the upload count, hash and refuse as it goes.
 *
 * <p>How: the stream is treated as if it began with CRLF, so every boundary, the first included, is
 * {@code CRLF--boundary}. Bytes are emitted up to the delimiter; the last delimiter-length-minus-one bytes
 * of a buffer are held back until more arrive, so a delimiter split across two reads is still found.
 */
final class MultipartReader {
    /** One part's headers: its form field name and, for a file, its file name (null otherwise). */
    record Part(String name, String filename) {}

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))");

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf = new byte[BUFFER];
    private int start;
    private int end;
    private boolean eof;
    private boolean finished;
    private boolean started;
    /** The current part's body has not been read yet: {@link #next} skips it (up to 64 KiB). */
    private boolean bodyPending;

    private MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
    }

    /** A reader for a request with this Content-Type; 400 unless it is multipart/form-data with a boundary. */
    static MultipartReader of(InputStream in, String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException.Invalid("send the file as multipart/form-data in the form field 'file'");
        }
        var m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw new ApiException.Invalid("multipart/form-data needs a boundary");
        }
        return new MultipartReader(in, m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** The next part's headers, or null after the closing boundary. Skips the preamble before the first part. */
    Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (!started) {
            started = true;
            copyUntilDelimiter(OutputStream.nullOutputStream(), 1024); // the preamble (normally empty)
        } else if (bodyPending) {
            copyUntilDelimiter(OutputStream.nullOutputStream(), 64 * 1024); // a form field nobody asked for
        }
        bodyPending = false;
        if (!afterDelimiter()) {
            finished = true;
            return null;
        }
        return headers();
    }

    /**
     * Copies the current part's body into {@code sink} and returns its length; past {@code max} bytes the
     * sink has thrown (the caller's limit) or, for fields, a 400 is thrown here.
     */
    long copyBody(OutputStream sink, long max) throws IOException {
        bodyPending = false;
        return copyUntilDelimiter(sink, max);
    }

    private long copyUntilDelimiter(OutputStream sink, long max) throws IOException {
        long copied = 0;
        while (true) {
            int found = indexOfDelimiter();
            if (found >= 0) {
                copied += emit(sink, found - start, copied, max);
                start = found + delimiter.length;
                return copied;
            }
            int safe = end - start - (delimiter.length - 1);
            if (safe > 0) {
                copied += emit(sink, safe, copied, max);
            }
            if (!fill()) {
                throw new ApiException.Invalid("the multipart body ended before its closing boundary");
            }
        }
    }

    private int emit(OutputStream sink, int length, long copied, long max) throws IOException {
        if (copied + length > max) {
            throw new ApiException.Invalid("a form field is too large");
        }
        sink.write(buf, start, length);
        start += length;
        return length;
    }

    /** After a delimiter: {@code --} ends the body, CRLF (after optional whitespace) starts a part. */
    private boolean afterDelimiter() throws IOException {
        while (true) {
            if (!ensure(2)) {
                throw new ApiException.Invalid("the multipart body ended before its closing boundary");
            }
            if (buf[start] == '-' && buf[start + 1] == '-') {
                start += 2;
                return false;
            }
            if (buf[start] == '\r' && buf[start + 1] == '\n') {
                start += 2;
                return true;
            }
            if (buf[start] == ' ' || buf[start] == '\t') {
                start++;
                continue;
            }
            throw new ApiException.Invalid("malformed multipart boundary");
        }
    }

    private Part headers() throws IOException {
        String name = null;
        String filename = null;
        int total = 0;
        while (true) {
            var line = line();
            total += line.length() + 2;
            if (total > MAX_HEADER_BYTES) {
                throw new ApiException.Invalid("multipart part headers are too large");
            }
            if (line.isEmpty()) {
                if (name == null) {
                    throw new ApiException.Invalid("a multipart part has no Content-Disposition name");
                }
                bodyPending = true;
                return new Part(name, filename);
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-disposition")) {
                var value = line.substring(colon + 1);
                name = parameter(value, "name");
                var extended = parameter(value, "filename*");
                filename = extended != null ? decodeExtended(extended) : parameter(value, "filename");
            }
        }
    }

    /** One header line (UTF-8, as browsers send non-ASCII file names), without its CRLF. */
    private String line() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        while (true) {
            if (!ensure(1)) {
                throw new ApiException.Invalid("the multipart body ended inside part headers");
            }
            byte b = buf[start++];
            if (b == '\n') {
                var bytes = out.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            out.write(b);
            if (out.size() > MAX_HEADER_BYTES) {
                throw new ApiException.Invalid("multipart part headers are too large");
            }
        }
    }

    /** A parameter of a Content-Disposition value: {@code name="x"} (quoted) or bare. */
    static String parameter(String header, String key) {
        int i = 0;
        while (i < header.length()) {
            int semicolon = header.indexOf(';', i);
            if (semicolon < 0) {
                return null;
            }
            int p = semicolon + 1;
            while (p < header.length() && header.charAt(p) == ' ') {
                p++;
            }
            int eq = header.indexOf('=', p);
            if (eq < 0) {
                return null;
            }
            var k = header.substring(p, eq).trim();
            int v = eq + 1;
            String value;
            int next;
            if (v < header.length() && header.charAt(v) == '"') {
                var sb = new StringBuilder();
                int j = v + 1;
                // No backslash escapes: browsers send a Windows path's backslashes as they are, and encode a quote
                // in a file name as %22 (and CR, LF as %0D, %0A), as the HTML standard's form encoding says.
                for (; j < header.length() && header.charAt(j) != '"'; j++) {
                    sb.append(header.charAt(j));
                }
                value = sb.toString().replace("%22", "\"").replace("%0D", "").replace("%0A", "");
                next = j + 1;
            } else {
                int stop = header.indexOf(';', v);
                next = stop < 0 ? header.length() : stop;
                value = header.substring(v, next).trim();
            }
            if (k.equalsIgnoreCase(key)) {
                return value;
            }
            i = next;
        }
        return null;
    }

    /** RFC 5987: {@code UTF-8''na%C3%AFve.txt}. */
    private static String decodeExtended(String value) {
        int quote = value.indexOf("''");
        var encoded = quote >= 0 ? value.substring(quote + 2) : value;
        try {
            return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        int last = end - delimiter.length;
        outer:
        for (int i = start; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Makes sure {@code n} unread bytes are buffered; false at the end of the stream. */
    private boolean ensure(int n) throws IOException {
        while (end - start < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Moves the unread bytes to the front and reads more; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }
}
