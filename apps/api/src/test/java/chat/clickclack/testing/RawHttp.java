package chat.clickclack.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ArrayList;

/**
 * HTTP/1.1 spoken byte by byte over a plain socket, for what a well-behaved client library will not do:
 * upgrades without a key, bodies that stop halfway, headers sent one byte at a time.
 */
public final class RawHttp implements AutoCloseable {
    /** A parsed response; header names are lower-cased, repeated headers keep every value. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            var values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.getFirst();
        }

        public List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Opens a connection to the server behind {@code baseUrl} (http://host:port). */
    public static RawHttp open(String baseUrl) {
        var hostPort = baseUrl.substring("http://".length());
        var colon = hostPort.lastIndexOf(':');
        try {
            var socket = new Socket(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
            socket.setSoTimeout(30_000);
            return new RawHttp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one request and reads its response. */
    public static Response exchange(String baseUrl, String request) {
        try (var http = open(baseUrl)) {
            http.write(request);
            return http.read();
        }
    }

    public RawHttp write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes and reports whether the server still accepted the bytes (false once it closed the socket). */
    public boolean tryWrite(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads one response (headers, then a Content-Length body or whatever arrives until the server closes). */
    public Response read() {
        try {
            var head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                head.write(b);
                var bytes = head.toByteArray();
                int n = bytes.length;
                if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                    break;
                }
            }
            var lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            if (lines.length == 0 || lines[0].isEmpty()) {
                throw new IOException("connection closed before a response");
            }
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            var headers = new LinkedHashMap<String, List<String>>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(lines[i].substring(colon + 1).trim());
                }
            }
            var length = headers.get("content-length");
            String body;
            if (length != null) {
                body = new String(in.readNBytes(Integer.parseInt(length.getFirst())), StandardCharsets.UTF_8);
            } else if (status == 101 || status == 204 || status == 304) {
                body = "";
            } else {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Response(status, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the server has closed the connection (end of stream or reset) within the socket timeout. */
    public boolean closedByServer(int timeoutMillis) {
        try {
            socket.setSoTimeout(timeoutMillis);
            while (true) {
                if (in.read() == -1) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }

    /** True when nothing at all arrives within the timeout (no byte, no close); the socket timeout is then restored. */
    public boolean quietFor(int timeoutMillis) {
        try {
            socket.setSoTimeout(timeoutMillis);
            return in.read() == -2; // never: any byte or end of stream means the server spoke
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                socket.setSoTimeout(30_000);
            } catch (IOException ignored) {
                // the socket is gone; the next read says so
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
