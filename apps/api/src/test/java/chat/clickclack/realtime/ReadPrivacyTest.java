package chat.clickclack.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, private events: a {@code channel.read} event is addressed to the reader alone. A's second
 * socket receives it; B, a member of the same workspace, never does — live, on a resume served from the
 * in-memory feed, on a resume served from the database, and in the HTTP catch-up. A sentinel message
 * posted after the read tells us delivery has happened (no sleeps): B's next event is the sentinel.
 *
 * <p>The feed budget is small (64 KiB), so a handful of large messages pushes older events out of memory
 * and a resume from before them must read the database.
 */
class ReadPrivacyTest {
    static TestServer server;
    static TestServer.User a;
    static TestServer.User b;
    static String workspaceId;
    static String channelId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("feed_max_bytes", Integer.toString(64 * 1024), "replay_window", "1000"));
        a = server.newUser("Reader A");
        b = server.newUser("Bystander B");
        var created = a.api().post("/api/workspaces", Map.of("name", "Quiet Reef"));
        workspaceId = created.at("/workspace/id").asText();
        channelId = created.at("/channel/id").asText();
        server.join(workspaceId, b, "member");
        // A socket once, so the workspace has its in-memory feed from here on (it is made at first subscribe).
        try (var first = WsClient.connect(server.url(), b.token(), workspaceId, null)) {
            assertThat(first.isClosed()).isFalse();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Posts a message as B; returns its event cursor. */
    private static String post(String body) {
        var posted = b.api().post("/api/channels/" + channelId + "/messages", Map.of("body", body));
        assertThat(posted.status()).isEqualTo(201);
        return posted.at("/event/cursor").asText();
    }

    /** Posts a message and marks the channel read up to it as A; returns the read event's cursor. */
    private static String readNewMessage(String body) {
        post(body);
        long lastSeq = a.api().get("/api/channels/" + channelId).at("/channel/last_seq").asLong();
        var marked = a.api().post("/api/channels/" + channelId + "/read", Map.of("seq", lastSeq));
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.at("/receipt/last_read_seq").asLong()).isEqualTo(lastSeq);
        var events = a.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&limit=1000").json().path("events");
        var last = events.get(events.size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("channel.read");
        return last.path("cursor").asText();
    }

    private static String tail() {
        return a.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&include_tail=true&limit=1")
                .text("tail_cursor");
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    @Test
    void liveOnlyTheReadersOtherSocketReceivesTheReadEvent() throws Exception {
        try (var aFirst = WsClient.connect(server.url(), a.token(), workspaceId, null);
                var aSecond = WsClient.connect(server.url(), a.token(), workspaceId, null);
                var bSocket = WsClient.connect(server.url(), b.token(), workspaceId, null)) {
            post("something to read");
            var readCursor = readNewMessage("something new to read");
            var sentinel = post("sentinel after the read");

            var seenByA = aSecond.durable(4, 5000);
            assertThat(types(seenByA)).containsExactly("message.created", "message.created", "channel.read",
                    "message.created");
            assertThat(seenByA.get(2).path("cursor").asText()).isEqualTo(readCursor);
            assertThat(seenByA.get(2).at("/payload/receipt/user_id").asText()).isEqualTo(a.id());
            assertThat(seenByA.get(2).at("/payload/channel_id").asText()).isEqualTo(channelId);
            assertThat(types(aFirst.durable(4, 5000))).contains("channel.read");

            var seenByB = bSocket.durable(3, 5000);
            assertThat(types(seenByB)).containsExactly("message.created", "message.created", "message.created");
            assertThat(seenByB.getLast().path("cursor").asText()).isEqualTo(sentinel);
            assertThat(bSocket.drain()).noneMatch(f -> f.path("type").asText().equals("channel.read"));
        }
    }

    @Test
    void aResumeFromTheFeedSkipsTheReadForOthersAndAdvancesPastIt() throws Exception {
        var before = tail();
        var readCursor = readNewMessage("read me, from memory");
        var sentinel = post("sentinel, from memory");

        try (var aResumed = WsClient.connect(server.url(), a.token(), workspaceId, before)) {
            var replayed = aResumed.durable(3, 5000);
            assertThat(types(replayed)).containsExactly("message.created", "channel.read", "message.created");
            assertThat(replayed.get(1).path("cursor").asText()).isEqualTo(readCursor);
        }
        try (var bResumed = WsClient.connect(server.url(), b.token(), workspaceId, before)) {
            var replayed = bResumed.durable(2, 5000);
            assertThat(types(replayed)).containsExactly("message.created", "message.created");
            assertThat(replayed.getLast().path("cursor").asText()).isEqualTo(sentinel);
            // Still live after stepping over the read: the next event arrives, and nothing else came before it.
            var next = post("live after the resume");
            assertThat(bResumed.nextDurable(5000).path("cursor").asText()).isEqualTo(next);
            assertThat(bResumed.drain()).noneMatch(f -> f.path("type").asText().equals("channel.read"));
        }
    }

    @Test
    void aResumeFromTheDatabaseSkipsTheReadForOthers() throws Exception {
        var before = tail();
        var readCursor = readNewMessage("read me, from the database");
        // Each of these is ~30 KB in the feed's estimate: two of them fill the 64 KiB budget, so the read
        // event is long gone from memory when the sockets below resume from before it.
        var big = "🦞".repeat(5_000) + " ";
        var cursors = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            cursors.add(post(big + i));
        }

        try (var aResumed = WsClient.connect(server.url(), a.token(), workspaceId, before)) {
            var replayed = aResumed.durable(10, 10_000);
            assertThat(types(replayed).subList(0, 2)).containsExactly("message.created", "channel.read");
            assertThat(replayed.get(1).path("cursor").asText()).isEqualTo(readCursor);
            assertThat(replayed.getLast().path("cursor").asText()).isEqualTo(cursors.getLast());
        }
        try (var bResumed = WsClient.connect(server.url(), b.token(), workspaceId, before)) {
            var replayed = bResumed.durable(9, 10_000);
            assertThat(types(replayed)).containsOnly("message.created");
            assertThat(replayed.subList(1, 9)).extracting(e -> e.path("cursor").asText()).containsExactlyElementsOf(cursors);
            var next = post("live after the database replay");
            assertThat(bResumed.nextDurable(5000).path("cursor").asText()).isEqualTo(next);
            assertThat(bResumed.drain()).noneMatch(f -> f.path("type").asText().equals("channel.read"));
        }
    }

    @Test
    void theHttpCatchUpShowsTheReadOnlyToTheReaderAndStillAdvancesOthers() {
        var before = tail();
        var readCursor = readNewMessage("read me over HTTP");
        var sentinel = post("sentinel over HTTP");
        var path = "/api/realtime/events?workspace_id=" + workspaceId + "&after_cursor=" + before;

        var forA = a.api().get(path).json();
        assertThat(forA.path("events")).extracting(e -> e.path("type").asText())
                .containsExactly("message.created", "channel.read", "message.created");
        var forB = b.api().get(path).json();
        assertThat(forB.path("events")).extracting(e -> e.path("type").asText())
                .containsExactly("message.created", "message.created");
        assertThat(forB.path("next_cursor").asText()).isEqualTo(sentinel).isEqualTo(forA.path("next_cursor").asText());

        // A page that holds only the read: B gets no events, but a cursor past it and has_more.
        var afterMessage = forA.path("events").get(0).path("cursor").asText();
        var onlyTheRead = b.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&limit=1&after_cursor="
                + afterMessage).json();
        assertThat(onlyTheRead.path("events")).isEmpty();
        assertThat(onlyTheRead.path("next_cursor").asText()).isEqualTo(readCursor);
        assertThat(onlyTheRead.path("has_more").asBoolean()).isTrue();
        // The whole log from the start never shows B anybody's read.
        var everything = b.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&limit=1000").json();
        assertThat(everything.path("events")).extracting(e -> e.path("type").asText()).doesNotContain("channel.read");
    }
}
