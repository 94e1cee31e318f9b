package chat.clickclack.cli;

import chat.clickclack.App;
import chat.clickclack.config.ConfigLoader;
import chat.clickclack.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code clickclack aot-training} (hidden): the training run for the JDK AOT cache that the build ships
 * ({@code scripts/aot-train.sh} runs it under {@code -XX:AOTCacheOutput}). It starts the server exactly as
 * {@code serve} does, on a temporary data directory and a free loopback port, drives a few dozen API calls and
 * a WebSocket through the real HTTP stack, then stops the server cleanly, so the cache holds the classes
 * (and the method profiles, JDK 25) of a start-up and of the common request paths.
 *
 * <p>The client is a plain socket speaking HTTP/1.1, so that no client library's classes end up in the cache.
 */
@Command(name = "aot-training", hidden = true, description = "Training run for the JDK AOT cache (used by the build).")
public final class AotTrainingCommand implements Callable<Integer> {
    static final int ROUNDS = 4;

    @Override
    public Integer call() throws Exception {
        var dir = Files.createTempDirectory("clickclack-aot-training");
        try {
            var config = ConfigLoader.load(Map.of("data", dir.toString(), "addr", "127.0.0.1:0", "dev", "true"),
                    Map.of(), null);
            try (var app = App.start(config)) {
                new Client(app.port()).exercise();
            }
            return 0;
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (var path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Just enough HTTP/1.1 and RFC 6455 for the training requests (dev fallback: no credentials). */
    record Client(int port) {
        record Response(int status, String body) {}

        void exercise() throws IOException {
            require(request("GET", "/readyz", null), 200);
            require(request("GET", "/healthz", null), 200);
            require(request("GET", "/", null), 200);
            request("GET", "/app", null);
            request("GET", "/no-such-page", null);
            var workspaceId = json(require(request("GET", "/api/workspaces", null), 200))
                    .path("workspaces").path(0).path("id").asText();
            var channelId = json(require(request("POST", "/api/workspaces/" + workspaceId + "/channels",
                    "{\"name\":\"training\",\"topic\":\"AOT cache training\"}"), 201)).findValue("id").asText();
            try (var socket = webSocket(workspaceId)) {
                for (int round = 0; round < ROUNDS; round++) {
                    require(request("GET", "/api/me", null), 200);
                    require(request("GET", "/api/workspaces/" + workspaceId, null), 200);
                    require(request("GET", "/api/workspaces/" + workspaceId + "/channels", null), 200);
                    require(request("GET", "/api/workspaces/" + workspaceId + "/members", null), 200);
                    var posted = json(require(request("POST", "/api/channels/" + channelId + "/messages",
                            "{\"body\":\"hello **training** " + round + "\",\"nonce\":\"training-" + round + "\"}"), 201));
                    var messageId = posted.findValue("id").asText();
                    readFrame(socket);
                    require(request("GET", "/api/channels/" + channelId + "/messages?limit=50", null), 200);
                    require(request("GET", "/api/messages/" + messageId, null), 200);
                    request("PATCH", "/api/messages/" + messageId, "{\"body\":\"edited " + round + "\"}");
                    request("POST", "/api/messages/" + messageId + "/reactions", "{\"emoji\":\"👍\"}");
                    request("POST", "/api/messages/" + messageId + "/thread/replies", "{\"body\":\"a reply\"}");
                    request("GET", "/api/messages/" + messageId + "/thread", null);
                    request("POST", "/api/realtime/ephemeral", "{\"workspace_id\":\"" + workspaceId
                            + "\",\"channel_id\":\"" + channelId + "\",\"type\":\"typing.started\"}");
                    request("GET", "/api/workspaces/" + workspaceId + "/presence", null);
                    request("GET", "/api/realtime/events?workspace_id=" + workspaceId + "&limit=100", null);
                    request("POST", "/api/channels/" + channelId + "/messages", "{\"body\":");
                    request("GET", "/api/channels/nope/messages", null);
                }
                closeWebSocket(socket);
            }
        }

        private static JsonNode json(Response response) throws IOException {
            return Json.MAPPER.readTree(response.body());
        }

        private static Response require(Response response, int status) {
            if (response.status() != status) {
                throw new IllegalStateException("training request answered " + response.status() + ": " + response.body());
            }
            return response;
        }

        private Socket connect() throws IOException {
            var socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            return socket;
        }

        private String head(String method, String path) {
            return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: application/json\r\n";
        }

        Response request(String method, String path, String body) throws IOException {
            try (var socket = connect()) {
                var bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                var request = head(method, path) + "Connection: close\r\n"
                        + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n")
                        + "\r\n";
                var out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                var raw = socket.getInputStream().readAllBytes();
                var text = new String(raw, StandardCharsets.ISO_8859_1);
                int split = text.indexOf("\r\n\r\n");
                if (!text.startsWith("HTTP/1.1 ") || split < 0) {
                    throw new IOException(method + " " + path + ": not an HTTP response");
                }
                int status = Integer.parseInt(text.substring(9, 12));
                var content = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
                if (text.substring(0, split).toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                    content = unchunk(content);
                }
                return new Response(status, new String(content, StandardCharsets.UTF_8));
            }
        }

        private static byte[] unchunk(byte[] chunked) {
            var out = new java.io.ByteArrayOutputStream();
            int at = 0;
            while (at < chunked.length) {
                int eol = at;
                while (eol + 1 < chunked.length && !(chunked[eol] == '\r' && chunked[eol + 1] == '\n')) {
                    eol++;
                }
                int size = Integer.parseInt(new String(chunked, at, eol - at, StandardCharsets.US_ASCII).trim(), 16);
                if (size == 0) {
                    break;
                }
                out.write(chunked, eol + 2, Math.min(size, chunked.length - eol - 2));
                at = eol + 2 + size + 2;
            }
            return out.toByteArray();
        }

        Socket webSocket(String workspaceId) throws IOException {
            var socket = connect();
            var request = head("GET", "/api/realtime/ws?workspace_id=" + workspaceId)
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var in = socket.getInputStream();
            var headers = new StringBuilder();
            while (!headers.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the WebSocket handshake was cut short: " + headers);
                }
                headers.append((char) b);
            }
            if (!headers.toString().startsWith("HTTP/1.1 101")) {
                throw new IOException("the WebSocket handshake was refused: " + headers);
            }
            return socket;
        }

        /** Reads one frame (text, ping, …) and returns its payload. */
        static byte[] readFrame(Socket socket) throws IOException {
            InputStream in = socket.getInputStream();
            int first = in.read();
            int second = in.read();
            if (first < 0 || second < 0) {
                throw new IOException("the WebSocket closed");
            }
            long length = second & 0x7f;
            if (length == 126) {
                length = ((in.read() & 0xff) << 8) | (in.read() & 0xff);
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | (in.read() & 0xff);
                }
            }
            return in.readNBytes((int) length);
        }

        /** A masked close frame (1000), as a client must send, then the server's close. */
        static void closeWebSocket(Socket socket) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xe8});
            out.flush();
            try {
                while (true) {
                    readFrame(socket);
                }
            } catch (IOException e) {
                // closed: done
            }
        }
    }
}
