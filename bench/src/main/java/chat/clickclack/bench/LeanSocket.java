package chat.clickclack.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal WebSocket client (RFC 6455, client side, no extensions): one blocking socket read by one
 * virtual thread, server frames decoded from a byte array with {@code new String(bytes, UTF_8)}.
 *
 * <p>Why not only {@code java.net.http.WebSocket}: the bench shares two cores with the server, and at tens
 * of thousands of frames a second the JDK client's text decoding took most of the bench's CPU (see
 * {@link JdkSocket}). This reader costs a few microseconds per frame. It answers pings, echoes the close
 * handshake, masks what it sends, and rejects anything it does not understand by failing the socket.
 *
 * <p>Threading: the reader thread calls the handler, one frame at a time; {@link #close} and pong replies
 * write under the output lock.
 */
final class LeanSocket extends EventSocket {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int READ_BUFFER = 16 * 1024;
    private static final int OP_CONTINUATION = 0;
    private static final int OP_TEXT = 1;
    private static final int OP_BINARY = 2;
    private static final int OP_CLOSE = 8;
    private static final int OP_PING = 9;
    private static final int OP_PONG = 10;

    private final Socket socket;
    private final Handler handler;
    private final Object writeLock = new Object();
    private OutputStream out;

    private LeanSocket(Socket socket, Handler handler) {
        this.socket = socket;
        this.handler = handler;
    }

    static CompletableFuture<EventSocket> open(String httpBase, String token, String workspaceId, String afterCursor,
            Handler handler) {
        var opened = new CompletableFuture<EventSocket>();
        Thread.ofVirtual().name("ws-reader").start(() -> {
            var uri = URI.create(httpBase);
            var lean = new LeanSocket(new Socket(), handler);
            DataInputStream in;
            try {
                lean.socket.setTcpNoDelay(true);
                lean.socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) CONNECT_TIMEOUT.toMillis());
                lean.out = lean.socket.getOutputStream();
                in = new DataInputStream(new BufferedInputStream(lean.socket.getInputStream(), READ_BUFFER));
                lean.handshake(in, uri.getHost() + ":" + uri.getPort(), path(workspaceId, afterCursor), token);
            } catch (IOException | RuntimeException e) {
                lean.quietlyClose();
                opened.completeExceptionally(e);
                return;
            }
            opened.complete(lean);
            lean.read(in);
        });
        return opened;
    }

    private void handshake(DataInputStream in, String host, String path, String token) throws IOException {
        var nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        var key = Base64.getEncoder().encodeToString(nonce);
        var request = new StringBuilder()
                .append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(key).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        if (token != null) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        var status = readLine(in);
        String accept = null;
        String line;
        var headers = new StringBuilder();
        while (!(line = readLine(in)).isEmpty()) {
            headers.append(line).append('\n');
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Accept")) {
                accept = line.substring(colon + 1).trim();
            }
        }
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("WebSocket handshake refused: " + status);
        }
        if (!expectedAccept(key).equals(accept)) {
            throw new IOException("WebSocket handshake: bad Sec-WebSocket-Accept in\n" + headers);
        }
    }

    static String expectedAccept(String key) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readLine(DataInputStream in) throws IOException {
        var line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        throw new EOFException("connection closed during the handshake");
    }

    /** The reader loop: runs until the server closes, the connection breaks, or we close. */
    private void read(DataInputStream in) {
        var message = new ByteArrayOutputStream();
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                boolean fin = (b0 & 0x80) != 0;
                int opcode = b0 & 0x0F;
                if ((b1 & 0x80) != 0) {
                    throw new IOException("server frames must not be masked");
                }
                long length = b1 & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                if (length > Integer.MAX_VALUE - 8) {
                    throw new IOException("frame too large: " + length);
                }
                var payload = new byte[(int) length];
                in.readFully(payload);
                switch (opcode) {
                    case OP_TEXT, OP_CONTINUATION -> {
                        if (fin && message.size() == 0) {
                            handler.onFrame(new String(payload, StandardCharsets.UTF_8), System.nanoTime());
                        } else {
                            message.write(payload);
                            if (fin) {
                                handler.onFrame(message.toString(StandardCharsets.UTF_8), System.nanoTime());
                                message.reset();
                            }
                        }
                    }
                    case OP_PING -> send(OP_PONG, payload);
                    case OP_PONG -> { }
                    case OP_CLOSE -> {
                        int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                        closeReason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                        try {
                            send(OP_CLOSE, new byte[] {payload.length >= 2 ? payload[0] : 3, payload.length >= 2 ? payload[1] : (byte) 0xE8});
                        } catch (IOException ignored) {
                            // the server may already have dropped the connection
                        }
                        closed.complete(code);
                        quietlyClose();
                        return;
                    }
                    case OP_BINARY -> throw new IOException("unexpected binary frame");
                    default -> throw new IOException("unknown opcode " + opcode);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed.isDone()) {
                closeReason = e.toString();
            }
            closed.complete(-1);
            quietlyClose();
        }
    }

    /** Sends one masked frame (clients must mask). */
    private void send(int opcode, byte[] payload) throws IOException {
        if (payload.length > 125) {
            throw new IOException("control payload too long");
        }
        var frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) (0x80 | opcode);
        frame[1] = (byte) (0x80 | payload.length);
        var mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        synchronized (writeLock) {
            out.write(frame);
            out.flush();
        }
    }

    @Override
    void close() {
        boolean first = closed.complete(NORMAL_CLOSURE);
        if (first && out != null) {
            try {
                send(OP_CLOSE, new byte[] {(byte) (NORMAL_CLOSURE >> 8), (byte) (NORMAL_CLOSURE & 0xFF)});
            } catch (IOException ignored) {
                // already gone
            }
        }
        quietlyClose();
    }

    private void quietlyClose() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
