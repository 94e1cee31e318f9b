package chat.clickclack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.clickclack.testing.Api;
import chat.clickclack.testing.ClickClackJar;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The must-show: {@code clickclack tail '#general' --follow --json} keeps printing every new message
 * exactly once, in order, while the server is killed and restarted under it (same port, same data). Messages
 * posted while it was away (through a server on another port) must come on the resume, also when the events it
 * would resume from were pruned meanwhile (close 4001: the gap comes over HTTP).
 */
class ChatTailIT {
    private static final Duration GENEROUS = Duration.ofSeconds(180);
    private static final int BEFORE_RESTART = 6;
    private static final int WHILE_AWAY = 4;
    private static final int AFTER_RESTART = 6;

    @TempDir
    Path dir;

    private Path data;
    private String token;

    @BeforeEach
    void bootstrap() {
        data = dir.resolve("data");
        admin("bootstrap", "--name", "Ada Owner", "--email", "ada@example.com", "--workspace", "Crustacean Labs");
        token = admin("token", "create", "--email", "ada@example.com").strip();
    }

    @Test
    void tailFollowPrintsEveryMessageOnceInOrderAcrossAServerRestart() throws Exception {
        followAcrossRestart(false);
    }

    @Test
    void tailFollowFetchesTheGapOverHttpWhenItsCursorWasPrunedDuringTheRestart() throws Exception {
        var tail = followAcrossRestart(true);
        assertThat(tail.stderr()).as("the resync path was taken").contains("resync");
    }

    @Test
    void tailFollowsADirectConversationByThePersonsHandleAndNothingElse() throws Exception {
        admin("user", "create", "--name", "Bob", "--email", "bob@example.com", "--workspace", "crustacean-labs");
        var bobToken = admin("token", "create", "--email", "bob@example.com").strip();
        try (var server = ClickClackJar.serve(data)) {
            var ada = server.bearer(token);
            var bob = server.bearer(bobToken);
            var env = Map.of("CLICKCLACK_URL", server.url(), "CLICKCLACK_TOKEN", token);
            var none = ClickClackJar.run(dir, env, "tail", "@bob");
            assertThat(none.exitCode()).as("no conversation yet, and tail does not start one: " + none).isEqualTo(4);
            assertThat(none.stderr()).contains("clickclack dm @bob");

            var workspace = ada.get("/api/workspaces").at("/workspaces/0/id").asText();
            var bobId = bob.get("/api/me").at("/user/id").asText();
            var dm = ada.post("/api/dms", Map.of("workspace_id", workspace, "member_ids", List.of(bobId)))
                    .at("/conversation/id").asText();
            var expected = new ArrayList<String>();
            postDm(ada, dm, "before the tail", expected);
            var tail = TailProcess.start(dir, env, "tail", "@bob", "--follow", "--json");
            try {
                tail.awaitLines(1);
                var root = postDm(bob, dm, "live from Bob", expected);
                post(bob, generalId(bob), "in #general, not for this tail", new ArrayList<>());
                bob.post("/api/messages/" + root + "/thread/replies", Map.of("body", "a reply, not in the timeline"));
                postDm(ada, dm, "sentinel", expected);
                tail.awaitLines(expected.size());
                assertThat(tail.messages()).extracting(m -> m.path("body").asText()).containsExactlyElementsOf(expected);
                assertThat(tail.messages()).allSatisfy(m -> assertThat(m.path("direct_conversation_id").asText()).isEqualTo(dm));
            } finally {
                tail.stop();
            }
        }
    }

    private static String postDm(Api api, String dmId, String body, List<String> expected) {
        var posted = api.post("/api/dms/" + dmId + "/messages", Map.of("body", body));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        expected.add(body);
        return posted.at("/message/id").asText();
    }

    private TailProcess followAcrossRestart(boolean pruneWhileDown) throws Exception {
        var addr = "127.0.0.1:" + freePort();
        var expected = new ArrayList<String>();
        var server = ClickClackJar.serveAt(addr, data);
        TailProcess tail = null;
        try {
            var api = server.bearer(token);
            var general = generalId(api);
            for (var body : List.of("history 1", "history 2")) {
                post(api, general, body, expected);
            }
            tail = TailProcess.start(dir, Map.of("CLICKCLACK_URL", server.url(), "CLICKCLACK_TOKEN", token),
                    "tail", "#general", "--follow", "--json");
            for (int i = 1; i <= BEFORE_RESTART; i++) {
                post(api, general, "live " + i, expected);
            }
            tail.awaitLines(expected.size());

            server.kill();
            if (pruneWhileDown) {
                // An event the tail never saw, then a prune past it: its cursor can no longer be resumed (4001).
                admin("user", "create", "--name", "Carol", "--email", "carol@example.com", "--workspace", "crustacean-labs");
                admin("events", "prune", "--older-than", "0s");
            }
            // Messages the tail cannot see live: posted through the same data on a port it does not know.
            try (var elsewhere = ClickClackJar.serveAt("127.0.0.1:" + freePortOtherThan(addr), data)) {
                for (int i = 1; i <= WHILE_AWAY; i++) {
                    post(elsewhere.bearer(token), general, "while away " + i, expected);
                }
            }
            assertThat(tail.lines()).as("nothing printed while the server was away").hasSize(2 + BEFORE_RESTART);
            assertThat(tail.process().isAlive()).as("tail keeps running while the server is away").isTrue();
            server = ClickClackJar.serveAt(addr, data);
            api = server.bearer(token);
            for (int i = 1; i <= AFTER_RESTART; i++) {
                post(api, general, "after restart " + i, expected);
            }
            // The sentinel comes last: once it is printed, anything printed twice would be printed already.
            post(api, general, "sentinel", expected);
            tail.awaitLines(expected.size());

            var lines = tail.messages();
            assertThat(lines).extracting(m -> m.path("body").asText()).containsExactlyElementsOf(expected);
            assertThat(lines).extracting(m -> m.path("id").asText()).doesNotHaveDuplicates();
            assertThat(lines).extracting(m -> m.path("channel_seq").asLong())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, expected.size()).mapToObj(Long::valueOf).toList());
            return tail;
        } finally {
            if (tail != null) {
                tail.stop();
            }
            server.close();
        }
    }

    private static void post(Api api, String channelId, String body, List<String> expected) {
        var posted = api.post("/api/channels/" + channelId + "/messages", Map.of("body", body));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        expected.add(body);
    }

    private static String generalId(Api api) {
        var workspace = api.get("/api/workspaces").at("/workspaces/0/id").asText();
        for (var channel : api.get("/api/workspaces/" + workspace + "/channels").json().path("channels")) {
            if (channel.path("name").asText().equals("general")) {
                return channel.path("id").asText();
            }
        }
        throw new AssertionError("no #general");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int freePortOtherThan(String addr) throws IOException {
        while (true) {
            int port = freePort();
            if (!addr.endsWith(":" + port)) {
                return port;
            }
        }
    }

    private String admin(String... args) {
        var all = new ArrayList<String>();
        all.add("admin");
        all.addAll(List.of(args));
        all.addAll(List.of("--data", data.toString()));
        var result = ClickClackJar.run(dir, all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.stdout();
    }

    /** A running {@code clickclack tail}: its stdout lines as they come, its stderr kept for the report. */
    record TailProcess(Process process, List<String> lines, StringBuffer stderrText) {
        static TailProcess start(Path dir, Map<String, String> env, String... args) {
            var process = ClickClackJar.start(dir, env, args);
            var tail = new TailProcess(process, new CopyOnWriteArrayList<>(), new StringBuffer());
            Thread.ofVirtual().start(() -> read(process.getInputStream(), line -> tail.lines.add(line)));
            Thread.ofVirtual().start(() -> read(process.getErrorStream(), line -> tail.stderrText.append(line).append('\n')));
            return tail;
        }

        private static void read(java.io.InputStream in, java.util.function.Consumer<String> sink) {
            try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    sink.accept(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }

        void awaitLines(int count) {
            await().atMost(GENEROUS).pollInterval(Duration.ofMillis(100))
                    .alias("tail printed " + count + " lines; stdout " + lines + "; stderr " + stderrText)
                    .until(() -> lines.size() >= count || !process.isAlive());
            assertThat(process.isAlive()).as("tail is still running; stderr: %s", stderrText).isTrue();
        }

        List<JsonNode> messages() throws IOException {
            var nodes = new ArrayList<JsonNode>();
            for (var line : lines) {
                nodes.add(Api.JSON.readTree(line));
            }
            return nodes;
        }

        String stderr() {
            return stderrText.toString();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
