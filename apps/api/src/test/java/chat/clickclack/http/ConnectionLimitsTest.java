package chat.clickclack.http;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.RawHttp;
import chat.clickclack.testing.TestServer;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 15, item 3: connections cannot be held forever, and an oversized body is refused before it is sent. */
class ConnectionLimitsTest {
    private static final String GET = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    @Test
    void aByteAtATimeRequestIsCutOffAtTheHeaderDeadline() throws Exception {
        try (var server = TestServer.start(Map.of("header_read_timeout_ms", "400"));
                var slow = RawHttp.open(server.url())) {
            long start = System.nanoTime();
            var dripper = drip(slow, GET);
            assertThat(slow.closedByServer(10_000)).as("closed by the server").isTrue();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // Each byte restarts the 30 s idle timeout; only the deadline can end this within seconds.
            assertThat(tookMillis).isBetween(300L, 5_000L);
            dripper.interrupt();
            assertThat(RawHttp.exchange(server.url(), GET.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n")).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aBodyTrickledAfterTheHeadersIsCutOffAtTheBodyDeadline() throws Exception {
        try (var server = TestServer.start(Map.of("body_read_timeout_ms", "400"));
                var slow = RawHttp.open(server.url())) {
            var user = server.newUser("Trickler");
            slow.write("POST /api/workspaces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + user.token() + "\r\nContent-Length: 200\r\n\r\n");
            long start = System.nanoTime();
            var dripper = drip(slow, "{\"name\": \"" + "x".repeat(180) + "\"}");
            assertThat(slow.closedByServer(10_000)).as("closed by the server").isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(300L, 5_000L);
            dripper.interrupt();
            assertThat(user.api().get("/api/workspaces").json().path("workspaces").size()).isZero();
        }
    }

    @Test
    void anUploadGetsTheLongerUploadDeadlineAndStillEndsAtIt() throws Exception {
        try (var server = TestServer.start(Map.of("body_read_timeout_ms", "400", "upload_read_timeout_ms", "3000"))) {
            var user = server.newUser("Slow Uploader");
            var workspaceId = user.api().post("/api/workspaces", Map.of("name", "Slow Reef")).at("/workspace/id").asText();
            var head = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.txt\"\r\n\r\n";
            var body = head + "x".repeat(20) + "\r\n--b--\r\n";
            var request = "POST /api/uploads?workspace_id=" + workspaceId + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + user.token() + "\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n";
            // Its last 30 bytes take about 1.5 s: past the 400 ms of a JSON body, within the upload's 3 s.
            try (var slow = RawHttp.open(server.url())) {
                slow.write(request + body.substring(0, body.length() - 30));
                var dripper = drip(slow, body.substring(body.length() - 30));
                var response = slow.read();
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                dripper.interrupt();
            }
            // One that never finishes is still cut, at the upload deadline.
            try (var stalled = RawHttp.open(server.url())) {
                stalled.write(request + head);
                long start = System.nanoTime();
                assertThat(stalled.closedByServer(15_000)).as("closed by the server").isTrue();
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(2_500L, 10_000L);
            }
        }
    }

    @Test
    void aDeclaredBodyOverTheLimitIsA413AtOnceWithoutWaitingForTheBody() {
        try (var server = TestServer.start(); var http = RawHttp.open(server.url())) {
            var user = server.newUser("Big Sender");
            long start = System.nanoTime();
            var response = http.write("POST /api/workspaces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + user.token() + "\r\nContent-Length: 50000000\r\n\r\n{\"na").read();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith("application/json");
            assertThat(response.body()).contains("\"error\"").contains("too large");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000L);
        }
    }

    @Test
    void connectionsOverTheCapWaitUntilOneCloses() {
        try (var server = TestServer.start(Map.of("max_connections", "3"))) {
            var held = new ArrayList<RawHttp>();
            for (int i = 0; i < 3; i++) {
                var http = RawHttp.open(server.url());
                assertThat(http.write(GET).read().status()).isEqualTo(200);
                held.add(http);
            }
            try (var extra = RawHttp.open(server.url())) {
                extra.write(GET);
                // Not accepted while three are open: nothing comes back.
                assertThat(extra.quietFor(700)).isTrue();
                held.removeFirst().close();
                assertThat(extra.read().status()).isEqualTo(200);
            } finally {
                held.forEach(RawHttp::close);
            }
        }
    }

    /** Sends {@code text} one byte every 50 ms on a virtual thread, like a slowloris client. */
    private static Thread drip(RawHttp http, String text) {
        return Thread.ofVirtual().start(() -> {
            for (var c : text.toCharArray()) {
                if (!http.tryWrite(String.valueOf(c))) {
                    return;
                }
                try {
                    Thread.sleep(50); // the attack's pace, not a synchronization
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }
}
