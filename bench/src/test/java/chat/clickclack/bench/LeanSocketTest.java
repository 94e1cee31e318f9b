package chat.clickclack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link LeanSocket} against a scripted server: frames glued to the handshake, split, large, fragmented. */
class LeanSocketTest {
    static byte[] frame(int b0, byte[] payload) {
        var out = new ByteArrayOutputStream();
        out.write(b0);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length < 65536) {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >> shift) & 0xFF);
            }
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] text(String s) {
        return frame(0x81, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads one masked client frame; returns {opcode, payload…}. */
    static byte[] readClientFrame(InputStream in) throws IOException {
        int b0 = in.read();
        int b1 = in.read();
        assertThat(b1 & 0x80).as("client frames are masked").isNotZero();
        int length = b1 & 0x7F;
        var mask = in.readNBytes(4);
        var payload = in.readNBytes(length);
        var out = new byte[length + 1];
        out[0] = (byte) (b0 & 0x0F);
        for (int i = 0; i < length; i++) {
            out[i + 1] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return out;
    }

    @Test
    void framesGluedSplitLargeAndFragmentedArriveWholeAndInOrder() throws Exception {
        var big = "🦀".repeat(20_000); // 80,000 bytes: a 64-bit length and a buffer that must grow
        var medium = "m".repeat(300);
        var pong = new CompletableFuture<byte[]>();
        var closeEcho = new CompletableFuture<byte[]>();
        try (var server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (var socket = server.accept()) {
                    var in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream();
                    var head = new ByteArrayOutputStream();
                    String key = null;
                    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                        head.write(in.read());
                    }
                    for (var line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
                        if (line.startsWith("Sec-WebSocket-Key:")) {
                            key = line.substring(18).trim();
                        }
                    }
                    var answer = new ByteArrayOutputStream();
                    answer.writeBytes(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + LeanSocket.expectedAccept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    answer.writeBytes(text("{\"n\":1}")); // in the same packet as the handshake
                    out.write(answer.toByteArray());
                    out.flush();
                    for (byte b : text("{\"n\":2,\"s\":\"" + medium + "\"}")) { // byte by byte
                        out.write(b);
                        out.flush();
                    }
                    out.write(text(big));
                    out.write(frame(0x01, "frag".getBytes(StandardCharsets.UTF_8)));
                    out.write(frame(0x89, "hi".getBytes(StandardCharsets.UTF_8))); // a ping between fragments
                    out.write(frame(0x80, "mented".getBytes(StandardCharsets.UTF_8)));
                    out.flush();
                    pong.complete(readClientFrame(in));
                    out.write(frame(0x88, new byte[] {0x03, (byte) 0xE8, 'b', 'y', 'e'}));
                    out.flush();
                    closeEcho.complete(readClientFrame(in));
                } catch (Exception e) {
                    pong.completeExceptionally(e);
                    closeEcho.completeExceptionally(e);
                }
            });
            var frames = new CopyOnWriteArrayList<String>();
            EventSocket.Handler handler = (EventSocket.BytesHandler) (data, offset, length, at) ->
                    frames.add(new String(data, offset, length, StandardCharsets.UTF_8));
            var socket = LeanSocket.open("http://127.0.0.1:" + server.getLocalPort(), "tok", "wsp_1", "5", handler)
                    .get(10, TimeUnit.SECONDS);
            assertThat(socket.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(socket.closeReason).isEqualTo("bye");
            assertThat(frames).containsExactly("{\"n\":1}", "{\"n\":2,\"s\":\"" + medium + "\"}", big, "fragmented");
            var pongFrame = pong.get(10, TimeUnit.SECONDS);
            assertThat(pongFrame[0]).isEqualTo((byte) 10);
            assertThat(new String(pongFrame, 1, pongFrame.length - 1, StandardCharsets.UTF_8)).isEqualTo("hi");
            var echo = closeEcho.get(10, TimeUnit.SECONDS);
            assertThat(echo[0]).isEqualTo((byte) 8);
            assertThat(List.of(echo[1], echo[2])).containsExactly((byte) 0x03, (byte) 0xE8);
        }
    }

    @Test
    void aRefusedHandshakeFailsTheOpen() throws Exception {
        try (var server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (var socket = server.accept()) {
                    socket.getInputStream().read(new byte[4096]);
                    socket.getOutputStream().write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    Thread.sleep(200);
                } catch (Exception ignored) {
                    // test ends
                }
            });
            var open = LeanSocket.open("http://127.0.0.1:" + server.getLocalPort(), null, "wsp_1", null, (t, at) -> { });
            assertThat(open).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().withMessageContaining("401");
        }
    }
}
