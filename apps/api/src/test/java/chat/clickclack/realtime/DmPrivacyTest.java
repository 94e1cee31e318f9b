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
 * Issue 10, private events: A and B talk in a direct conversation (messages both ways, an edit, a
 * reaction, a thread reply); C, a member of the same workspace, never sees any of it — live, on a resume
 * served from the in-memory feed, on a resume served from the database, and in the HTTP catch-up — while A
 * and B get every event exactly once, in order. A channel message posted afterwards is the sentinel that
 * says delivery has happened (no sleeps): C's next event is the sentinel.
 *
 * <p>The feed budget is small (64 KiB): a few large channel messages push the DM events out of memory, so a
 * resume from before them must read the database.
 */
class DmPrivacyTest {
    static final String SECRET = "meet me behind the kelp";
    static TestServer server;
    static TestServer.User a;
    static TestServer.User b;
    static TestServer.User c;
    static String workspaceId;
    static String channelId;
    static String dmId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("feed_max_bytes", Integer.toString(64 * 1024), "replay_window", "1000"));
        a = server.newUser("Whisperer A");
        b = server.newUser("Whisperer B");
        c = server.newUser("Bystander C");
        var created = a.api().post("/api/workspaces", Map.of("name", "Kelp Forest"));
        workspaceId = created.at("/workspace/id").asText();
        channelId = created.at("/channel/id").asText();
        server.join(workspaceId, b, "member");
        server.join(workspaceId, c, "member");
        var dm = a.api().post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", List.of(b.id())));
        assertThat(dm.status()).isEqualTo(201);
        dmId = dm.at("/conversation/id").asText();
        // A socket once, so the workspace has its in-memory feed from here on (it is made at first subscribe).
        try (var first = WsClient.connect(server.url(), c.token(), workspaceId, null)) {
            assertThat(first.isClosed()).isFalse();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * DM traffic between A and B; returns the cursors of its events in order: created (A), created (B),
     * updated, reaction.added, thread.reply_created, thread.state_updated.
     */
    private static List<String> whisper(String tag) {
        var cursors = new ArrayList<String>();
        var first = a.api().post("/api/dms/" + dmId + "/messages", Map.of("body", SECRET + " " + tag));
        assertThat(first.status()).isEqualTo(201);
        cursors.add(first.at("/event/cursor").asText());
        var messageId = first.at("/message/id").asText();
        var answer = b.api().post("/api/dms/" + dmId + "/messages", Map.of("body", "ok " + tag));
        cursors.add(answer.at("/event/cursor").asText());
        var edited = a.api().patch("/api/messages/" + messageId, Map.of("body", SECRET + " (edited) " + tag));
        cursors.add(edited.at("/event/cursor").asText());
        var reacted = b.api().post("/api/messages/" + messageId + "/reactions", Map.of("emoji", "🦞"));
        assertThat(reacted.status()).isEqualTo(201);
        cursors.add(reacted.at("/event/cursor").asText());
        var replied = b.api().post("/api/messages/" + messageId + "/thread/replies", Map.of("body", "in the thread " + tag));
        assertThat(replied.status()).isEqualTo(201);
        replied.json().path("events").forEach(e -> cursors.add(e.path("cursor").asText()));
        assertThat(cursors).hasSize(6);
        return cursors;
    }

    private static final List<String> WHISPER_TYPES = List.of("message.created", "message.created", "message.updated",
            "reaction.added", "thread.reply_created", "thread.state_updated");

    /** A channel message as C: the sentinel; returns its cursor. */
    private static String sentinel(String body) {
        var posted = c.api().post("/api/channels/" + channelId + "/messages", Map.of("body", body));
        assertThat(posted.status()).isEqualTo(201);
        return posted.at("/event/cursor").asText();
    }

    private static String tail() {
        return a.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&include_tail=true&limit=1")
                .text("tail_cursor");
    }

    private static List<String> cursors(List<JsonNode> events) {
        return events.stream().map(e -> e.path("cursor").asText()).toList();
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    /** Nothing C received mentions the conversation or its words. */
    private static void assertNothingPrivate(List<JsonNode> frames) {
        for (var frame : frames) {
            assertThat(frame.toString()).doesNotContain(dmId).doesNotContain(SECRET).doesNotContain("in the thread");
        }
    }

    @Test
    void liveOnlyTheMembersReceiveTheConversation() throws Exception {
        try (var aSocket = WsClient.connect(server.url(), a.token(), workspaceId, null);
                var bSocket = WsClient.connect(server.url(), b.token(), workspaceId, null);
                var cSocket = WsClient.connect(server.url(), c.token(), workspaceId, null)) {
            var whispered = whisper("live");
            var sentinel = sentinel("sentinel, live");
            var expected = new ArrayList<>(whispered);
            expected.add(sentinel);

            for (var member : List.of(aSocket, bSocket)) {
                var seen = member.durable(7, 5000);
                assertThat(cursors(seen)).containsExactlyElementsOf(expected);
                assertThat(types(seen).subList(0, 6)).containsExactlyElementsOf(WHISPER_TYPES);
                assertThat(seen.getFirst().at("/payload/message/direct_conversation_id").asText()).isEqualTo(dmId);
                assertThat(seen.getFirst().path("channel_id").isMissingNode()).isTrue();
            }
            var seenByC = cSocket.nextDurable(5000);
            assertThat(seenByC.path("cursor").asText()).isEqualTo(sentinel);
            assertNothingPrivate(List.of(seenByC));
            assertNothingPrivate(cSocket.drain());
            assertThat(aSocket.drain()).noneMatch(f -> f.has("cursor"));
        }
    }

    @Test
    void aResumeFromTheFeedStepsOverTheConversationForOthers() throws Exception {
        var before = tail();
        var whispered = whisper("from memory");
        var sentinel = sentinel("sentinel, from memory");

        try (var aResumed = WsClient.connect(server.url(), a.token(), workspaceId, before)) {
            var replayed = aResumed.durable(7, 5000);
            assertThat(cursors(replayed).subList(0, 6)).containsExactlyElementsOf(whispered);
            assertThat(cursors(replayed).getLast()).isEqualTo(sentinel);
        }
        try (var cResumed = WsClient.connect(server.url(), c.token(), workspaceId, before)) {
            var replayed = cResumed.nextDurable(5000);
            assertThat(replayed.path("cursor").asText()).isEqualTo(sentinel);
            var next = sentinel("live after the resume");
            assertThat(cResumed.nextDurable(5000).path("cursor").asText()).isEqualTo(next);
            assertNothingPrivate(cResumed.drain());
        }
    }

    @Test
    void aResumeFromTheDatabaseStepsOverTheConversationForOthers() throws Exception {
        var before = tail();
        var whispered = whisper("from the database");
        // Each of these is ~30 KB in the feed's estimate: two fill the 64 KiB budget, so the DM events are
        // long gone from memory when the sockets below resume from before them.
        var big = "🦞".repeat(5_000) + " ";
        var channel = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            channel.add(sentinel(big + i));
        }

        try (var bResumed = WsClient.connect(server.url(), b.token(), workspaceId, before)) {
            var replayed = bResumed.durable(14, 10_000);
            assertThat(cursors(replayed).subList(0, 6)).containsExactlyElementsOf(whispered);
            assertThat(cursors(replayed).subList(6, 14)).containsExactlyElementsOf(channel);
        }
        try (var cResumed = WsClient.connect(server.url(), c.token(), workspaceId, before)) {
            var replayed = cResumed.durable(8, 10_000);
            assertThat(cursors(replayed)).containsExactlyElementsOf(channel);
            var next = sentinel("live after the database replay");
            assertThat(cResumed.nextDurable(5000).path("cursor").asText()).isEqualTo(next);
            assertNothingPrivate(replayed);
            assertNothingPrivate(cResumed.drain());
        }
    }

    @Test
    void theHttpCatchUpShowsTheConversationOnlyToItsMembers() {
        var before = tail();
        var whispered = whisper("over HTTP");
        var sentinel = sentinel("sentinel over HTTP");
        var path = "/api/realtime/events?workspace_id=" + workspaceId + "&after_cursor=" + before;

        var forB = b.api().get(path).json();
        var bCursors = new ArrayList<String>();
        forB.path("events").forEach(e -> bCursors.add(e.path("cursor").asText()));
        var expected = new ArrayList<>(whispered);
        expected.add(sentinel);
        assertThat(bCursors).containsExactlyElementsOf(expected);

        var forC = c.api().get(path).json();
        assertThat(forC.path("events")).extracting(e -> e.path("cursor").asText()).containsExactly(sentinel);
        assertThat(forC.path("next_cursor").asText()).isEqualTo(sentinel).isEqualTo(forB.path("next_cursor").asText());
        // The whole log from the start never shows C anything of the conversation.
        var everything = c.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&limit=1000").json();
        var frames = new ArrayList<JsonNode>();
        everything.path("events").forEach(frames::add);
        assertThat(frames).isNotEmpty();
        assertNothingPrivate(frames);
    }
}
