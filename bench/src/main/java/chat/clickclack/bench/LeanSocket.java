package chat.clickclack.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal WebSocket client (RFC 6455, client side, no extensions): one blocking socket read by one
 * virtual thread into its own buffer, server frames decoded in place and handed to the handler as byte
 * slices (a {@link EventSocket.BytesHandler} parses them without a String; others get the decoded text).
 *
 * <p>Why not only {@code java.net.http.WebSocket}: the bench shares two cores with the server, and at tens
 * of thousands of frames a second the JDK client's text decoding took most of the bench's CPU (see
 * {@link JdkSocket}). This reader costs a few microseconds per frame: no allocation per frame, no
 * {@code BufferedInputStream}/{@code DataInputStream} lock per header byte. It answers pings, echoes the close
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
    private InputStream in;
    /** Bytes read and not yet consumed: buf[pos, lim). Grows for a frame larger than it. */
    private byte[] buf = new byte[READ_BUFFER];
    private int pos;
    private int lim;

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
            try {
                lean.socket.setTcpNoDelay(true);
                lean.socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) CONNECT_TIMEOUT.toMillis());
                lean.out = lean.socket.getOutputStream();
                lean.in = lean.socket.getInputStream();
                lean.handshake(uri.getHost() + ":" + uri.getPort(), path(workspaceId, afterCursor), token);
            } catch (IOException | RuntimeException e) {
                lean.quietlyClose();
                opened.completeExceptionally(e);
                return;
            }
            opened.complete(lean);
            lean.read();
        });
        return opened;
    }

    private void handshake(String host, String path, String token) throws IOException {
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
        var status = readLine();
        String accept = null;
        String line;
        var headers = new StringBuilder();
        while (!(line = readLine()).isEmpty()) {
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
        // Whatever followed the head (frames the server sent at once) stays in buf for the reader.
    }

    static String expectedAccept(String key) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One handshake line from the buffer, without its CRLF. */
    private String readLine() throws IOException {
        int scanned = pos;
        while (true) {
            for (int i = scanned; i < lim; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    var line = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    return line;
                }
            }
            scanned = lim;
            if (lim - pos >= READ_BUFFER) {
                throw new IOException("handshake line too long");
            }
            int before = pos;
            if (!fill(lim - pos + 1)) {
                throw new EOFException("connection closed during the handshake");
            }
            scanned -= before - pos; // fill may have moved the unread bytes to the front
        }
    }

    /**
     * Makes at least {@code n} unread bytes available in buf[pos, lim), compacting or growing the buffer as
     * needed; false at end of stream.
     */
    private boolean fill(int n) throws IOException {
        if (buf.length - pos < n) {
            int unread = lim - pos;
            var target = n > buf.length ? new byte[Math.max(n, buf.length * 2)] : buf;
            System.arraycopy(buf, pos, target, 0, unread);
            buf = target;
            pos = 0;
            lim = unread;
        }
        while (lim - pos < n) {
            int read = in.read(buf, lim, buf.length - lim);
            if (read < 0) {
                return false;
            }
            lim += read;
        }
        return true;
    }

    private void need(int n) throws IOException {
        if (lim - pos < n && !fill(n)) {
            throw new EOFException("connection closed");
        }
    }

    /**
     * The reader loop: runs until the server closes, the connection breaks, or we close. Frames are decoded
     * in place in {@link #buf}; a whole unfragmented text frame goes to the handler as a slice of it.
     */
    private void read() {
        byte[] message = new byte[0];
        int messageLength = 0;
        try {
            while (true) {
                need(2);
                int b0 = buf[pos] & 0xFF;
                int b1 = buf[pos + 1] & 0xFF;
                boolean fin = (b0 & 0x80) != 0;
                int opcode = b0 & 0x0F;
                if ((b1 & 0x80) != 0) {
                    throw new IOException("server frames must not be masked");
                }
                long length = b1 & 0x7F;
                int head = 2;
                if (length == 126) {
                    need(4);
                    length = ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
                    head = 4;
                } else if (length == 127) {
                    need(10);
                    length = 0;
                    for (int k = 2; k < 10; k++) {
                        length = length << 8 | (buf[pos + k] & 0xFF);
                    }
                    head = 10;
                }
                if (length < 0 || length > Integer.MAX_VALUE - 64) {
                    throw new IOException("frame too large: " + length);
                }
                int size = (int) length;
                need(head + size);
                int at = pos + head;
                pos = at + size; // consumed before the handler runs; buf[at, at + size) stays valid until the next read
                switch (opcode) {
                    case OP_TEXT, OP_CONTINUATION -> {
                        if (fin && messageLength == 0) {
                            handler.onFrame(buf, at, size, System.nanoTime());
                        } else {
                            if (message.length < messageLength + size) {
                                message = Arrays.copyOf(message, Math.max(messageLength + size, message.length * 2));
                            }
                            System.arraycopy(buf, at, message, messageLength, size);
                            messageLength += size;
                            if (fin) {
                                handler.onFrame(message, 0, messageLength, System.nanoTime());
                                messageLength = 0;
                            }
                        }
                    }
                    case OP_PING -> send(OP_PONG, Arrays.copyOfRange(buf, at, at + size));
                    case OP_PONG -> { }
                    case OP_CLOSE -> {
                        var payload = Arrays.copyOfRange(buf, at, at + size);
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
