package chat.clickclack.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal WebSocket client (RFC 6455, client side, no extensions). The handshake runs blocking on a
 * virtual thread; then the socket joins one of a few shared selector threads ({@link Readers}), which read
 * whatever arrived into the socket's own buffer, decode the frames in place and hand each text message to
 * the handler as a byte slice (a {@link EventSocket.BytesHandler} parses it without a String; others get
 * the decoded text).
 *
 * <p>Why not only {@code java.net.http.WebSocket}: the bench shares two cores with the server, and at tens
 * of thousands of frames a second the JDK client's text decoding took most of the bench's CPU (see
 * {@link JdkSocket}). Why selectors and not a blocking read per socket on a virtual thread (this class's
 * first version): a fanout message arrives on every socket at once, and a virtual thread per socket paid,
 * per frame, a read that found nothing, an epoll re-arm, a park, a poller wake-up and an unpark, and a
 * second read — in a 1,000-subscriber fanout the socket reads were 61 % of the reader's CPU. A selector
 * learns about hundreds of ready sockets from one {@code epoll_wait} and reads each once. Together with
 * {@link Frame#parse(byte[], int, int)} this took the bench from 24.8 to 19.3 µs of CPU per delivery in that
 * fanout (medians of three alternating runs), and at 2,000 subscribers the old reader fell behind the
 * server (delivery p99 1.3–1.7 s against 0.21–0.35 s).
 *
 * <p>It answers pings, echoes the close handshake, masks what it sends, and rejects anything it does not
 * understand by failing the socket.
 *
 * <p>Threading: after the handshake, only the socket's selector thread reads and calls the handler, one
 * frame at a time (so handlers must not block); {@link #close} and pong replies write under the write lock.
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

    private final SocketChannel channel;
    private final Handler handler;
    private final Object writeLock = new Object();
    /** Bytes read and not yet consumed: buf[pos, lim). Grows for a frame larger than it. */
    private byte[] buf = new byte[READ_BUFFER];
    private ByteBuffer view = ByteBuffer.wrap(buf);
    private int pos;
    private int lim;
    /** A fragmented message being assembled. */
    private byte[] message = new byte[0];
    private int messageLength;

    private LeanSocket(SocketChannel channel, Handler handler) {
        this.channel = channel;
        this.handler = handler;
    }

    static CompletableFuture<EventSocket> open(String httpBase, String token, String workspaceId, String afterCursor,
            Handler handler) {
        var opened = new CompletableFuture<EventSocket>();
        Thread.ofVirtual().name("ws-handshake").start(() -> {
            var uri = URI.create(httpBase);
            LeanSocket lean = null;
            try {
                lean = new LeanSocket(SocketChannel.open(), handler);
                lean.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                lean.channel.socket().connect(new InetSocketAddress(uri.getHost(), uri.getPort()),
                        (int) CONNECT_TIMEOUT.toMillis());
                lean.channel.socket().setSoTimeout((int) CONNECT_TIMEOUT.toMillis());
                lean.handshake(uri.getHost() + ":" + uri.getPort(), path(workspaceId, afterCursor), token);
            } catch (IOException | RuntimeException e) {
                if (lean != null) {
                    lean.quietlyClose();
                }
                opened.completeExceptionally(e);
                return;
            }
            opened.complete(lean);
            Readers.register(lean);
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
        write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        var in = channel.socket().getInputStream(); // blocking, with the connect timeout as read timeout
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
        // Whatever followed the head (frames the server sent at once) stays in buf for the selector thread.
    }

    static String expectedAccept(String key) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One handshake line from the buffer, without its CRLF (blocking reads). */
    private String readLine(InputStream in) throws IOException {
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
            int offset = lim - pos;
            if (offset >= READ_BUFFER / 2) {
                throw new IOException("handshake line too long");
            }
            compact();
            int read = in.read(buf, lim, buf.length - lim);
            if (read < 0) {
                throw new EOFException("connection closed during the handshake");
            }
            lim += read;
            scanned = pos + offset;
        }
    }

    /** Moves the unread bytes to the front of buf. */
    private void compact() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
    }

    // ---- the selector side

    /** On the selector thread: read what is there, handle every whole frame. False when the socket is done. */
    private boolean onReadable() {
        try {
            if (lim == buf.length) {
                compact();
            }
            view.limit(buf.length).position(lim);
            int read = channel.read(view);
            if (read < 0) {
                throw new EOFException("connection closed by the server without a close frame");
            }
            lim += read;
            return drain();
        } catch (IOException | RuntimeException e) {
            fail(e);
            return false;
        }
    }

    /**
     * Handles every whole frame in buf[pos, lim); leaves a partial one for the next read, growing buf when it
     * cannot fit. False when the socket is done (a close frame, an error).
     */
    private boolean drain() {
        try {
            while (true) {
                int available = lim - pos;
                if (available < 2) {
                    break;
                }
                int b0 = buf[pos] & 0xFF;
                int b1 = buf[pos + 1] & 0xFF;
                if ((b1 & 0x80) != 0) {
                    throw new IOException("server frames must not be masked");
                }
                long length = b1 & 0x7F;
                int head = 2;
                if (length == 126) {
                    if (available < 4) {
                        break;
                    }
                    length = ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
                    head = 4;
                } else if (length == 127) {
                    if (available < 10) {
                        break;
                    }
                    length = 0;
                    for (int k = 2; k < 10; k++) {
                        length = length << 8 | (buf[pos + k] & 0xFF);
                    }
                    head = 10;
                }
                if (length < 0 || length > Integer.MAX_VALUE - 64) {
                    throw new IOException("frame too large: " + length);
                }
                int total = head + (int) length;
                if (available < total) {
                    if (total > buf.length) {
                        grow(total);
                    }
                    break;
                }
                int at = pos + head;
                pos += total; // consumed; buf[at, at + length) stays valid until the next read
                if (!frame(b0, at, (int) length)) {
                    return false;
                }
            }
            if (pos == lim) {
                pos = lim = 0;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            fail(e);
            return false;
        }
    }

    private void grow(int frameSize) {
        var bigger = new byte[Math.max(frameSize, buf.length * 2)];
        System.arraycopy(buf, pos, bigger, 0, lim - pos);
        lim -= pos;
        pos = 0;
        buf = bigger;
        view = ByteBuffer.wrap(buf);
    }

    /** One whole frame at buf[at, at + length); false after a close frame. */
    private boolean frame(int b0, int at, int length) throws IOException {
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0F;
        switch (opcode) {
            case OP_TEXT, OP_CONTINUATION -> {
                if (fin && messageLength == 0) {
                    handler.onFrame(buf, at, length, System.nanoTime());
                } else {
                    if (message.length < messageLength + length) {
                        message = Arrays.copyOf(message, Math.max(messageLength + length, message.length * 2));
                    }
                    System.arraycopy(buf, at, message, messageLength, length);
                    messageLength += length;
                    if (fin) {
                        handler.onFrame(message, 0, messageLength, System.nanoTime());
                        messageLength = 0;
                    }
                }
                return true;
            }
            case OP_PING -> {
                send(OP_PONG, Arrays.copyOfRange(buf, at, at + length));
                return true;
            }
            case OP_PONG -> {
                return true;
            }
            case OP_CLOSE -> {
                var payload = Arrays.copyOfRange(buf, at, at + length);
                int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                closeReason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                try {
                    send(OP_CLOSE, new byte[] {payload.length >= 2 ? payload[0] : 3, payload.length >= 2 ? payload[1] : (byte) 0xE8});
                } catch (IOException ignored) {
                    // the server may already have dropped the connection
                }
                closed.complete(code);
                quietlyClose();
                return false;
            }
            case OP_BINARY -> throw new IOException("unexpected binary frame");
            default -> throw new IOException("unknown opcode " + opcode);
        }
    }

    private void fail(Exception e) {
        if (!closed.isDone()) {
            closeReason = e.toString();
        }
        closed.complete(-1);
        quietlyClose();
    }

    // ---- writing

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
        write(frame);
    }

    /**
     * Writes all of {@code bytes}. After the handshake the channel is non-blocking, so a full send buffer
     * (never seen with a few bytes of control frame) is waited out briefly rather than blocked on.
     */
    private void write(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            var buffer = ByteBuffer.wrap(bytes);
            for (int spins = 0; buffer.hasRemaining(); spins++) {
                if (channel.write(buffer) == 0) {
                    if (spins > 1000) {
                        throw new IOException("send buffer full");
                    }
                    Thread.onSpinWait();
                    if (spins > 100) {
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IOException("interrupted while writing", e);
                        }
                    }
                }
            }
        }
    }

    @Override
    void close() {
        boolean first = closed.complete(NORMAL_CLOSURE);
        if (first && channel.isOpen()) {
            try {
                send(OP_CLOSE, new byte[] {(byte) (NORMAL_CLOSURE >> 8), (byte) (NORMAL_CLOSURE & 0xFF)});
            } catch (IOException | RuntimeException ignored) {
                // already gone
            }
        }
        quietlyClose();
    }

    private void quietlyClose() {
        try {
            channel.close(); // also cancels its selection key
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    /**
     * The selector threads every lean socket is read on after its handshake: as many as the machine has cores
     * (at most four), sockets spread round-robin. Started on first use, daemons, never stopped.
     */
    static final class Readers {
        private static final Readers[] ALL = new Readers[Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()))];
        private static final AtomicInteger NEXT = new AtomicInteger();

        private final Selector selector;
        private final ConcurrentLinkedQueue<LeanSocket> pending = new ConcurrentLinkedQueue<>();

        private Readers(int index) throws IOException {
            this.selector = Selector.open();
            Thread.ofPlatform().daemon().name("ws-selector-" + index).start(this::loop);
        }

        static void register(LeanSocket socket) {
            int index = Math.floorMod(NEXT.getAndIncrement(), ALL.length);
            Readers readers;
            synchronized (ALL) {
                if (ALL[index] == null) {
                    try {
                        ALL[index] = new Readers(index);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                readers = ALL[index];
            }
            readers.pending.add(socket);
            readers.selector.wakeup();
        }

        private void loop() {
            while (true) {
                try {
                    LeanSocket socket;
                    while ((socket = pending.poll()) != null) {
                        accept(socket);
                    }
                    selector.select(key -> {
                        var lean = (LeanSocket) key.attachment();
                        if (!key.isValid() || !lean.onReadable()) {
                            key.cancel();
                        }
                    });
                } catch (IOException | RuntimeException e) {
                    // A selector failure would silently stop every socket on it: say so loudly, keep going.
                    System.err.println("bench: ws selector: " + e);
                }
            }
        }

        private void accept(LeanSocket socket) {
            if (socket.closed.isDone()) {
                socket.quietlyClose();
                return;
            }
            try {
                socket.channel.configureBlocking(false);
                var key = socket.channel.register(selector, SelectionKey.OP_READ, socket);
                if (!socket.drain()) { // frames that came with the handshake's answer
                    key.cancel();
                }
            } catch (ClosedChannelException e) {
                // closed by us between the handshake and here
            } catch (IOException | RuntimeException e) {
                socket.fail(e);
            }
        }
    }
}
