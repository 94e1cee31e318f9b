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
 * Issue 11, private channels: A and B talk in a private channel (messages both ways, an edit, a reaction, a
 * thread reply); C, a member of the same workspace outside the channel, never sees any of it — live, on a
 * resume from the in-memory feed, on a resume from the database, in the HTTP catch-up, in the channel list,
 * on every read route and in search — while A and B get every event exactly once, in order. A message in
 * #general by C is the sentinel that says delivery has happened (no sleeps).
 *
 * <p>Membership is looked up at delivery time: on an open socket, leaving stops the channel's events and
 * being added starts them.
 */
class PrivateChannelPrivacyTest {
    static final String SECRET = "the pearl is under the third rock";
    static TestServer server;
    static TestServer.User a;
    static TestServer.User b;
    static TestServer.User c;
    static String workspaceId;
    static String generalId;
    static String secretId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("feed_max_bytes", Integer.toString(64 * 1024), "replay_window", "1000"));
        a = server.newUser("Keeper A");
        b = server.newUser("Keeper B");
        c = server.newUser("Bystander C");
        var created = a.api().post("/api/workspaces", Map.of("name", "Pearl Bay"));
        workspaceId = created.at("/workspace/id").asText();
        generalId = created.at("/channel/id").asText();
        server.join(workspaceId, b, "member");
        server.join(workspaceId, c, "member");
        secretId = privateChannel("pearl-vault");
        try (var first = WsClient.connect(server.url(), c.token(), workspaceId, null)) {
            assertThat(first.isClosed()).isFalse();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A private channel made by A with B added. */
    private static String privateChannel(String name) {
        var created = a.api().post("/api/workspaces/" + workspaceId + "/channels",
                Map.of("name", name, "kind", "private"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.at("/channel/kind").asText()).isEqualTo("private");
        var id = created.at("/channel/id").asText();
        var added = a.api().post("/api/channels/" + id + "/members", Map.of("user_id", b.id()));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return id;
    }

    /** Traffic in the private channel; the cursors of its six events in order. */
    private static List<String> whisper(String channelId, String tag) {
        var cursors = new ArrayList<String>();
        var first = a.api().post("/api/channels/" + channelId + "/messages", Map.of("body", SECRET + " " + tag));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        cursors.add(first.at("/event/cursor").asText());
        var messageId = first.at("/message/id").asText();
        var answer = b.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "ok " + tag));
        assertThat(answer.status()).isEqualTo(201);
        cursors.add(answer.at("/event/cursor").asText());
        var edited = a.api().patch("/api/messages/" + messageId, Map.of("body", SECRET + " (edited) " + tag));
        cursors.add(edited.at("/event/cursor").asText());
        var reacted = b.api().post("/api/messages/" + messageId + "/reactions", Map.of("emoji", "🦪"));
        assertThat(reacted.status()).isEqualTo(201);
        cursors.add(reacted.at("/event/cursor").asText());
        var replied = b.api().post("/api/messages/" + messageId + "/thread/replies", Map.of("body", "in the vault " + tag));
        assertThat(replied.status()).isEqualTo(201);
        replied.json().path("events").forEach(e -> cursors.add(e.path("cursor").asText()));
        assertThat(cursors).hasSize(6);
        return cursors;
    }

    private static String sentinel(String body) {
        var posted = c.api().post("/api/channels/" + generalId + "/messages", Map.of("body", body));
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

    private static void assertNothingPrivate(List<JsonNode> frames, String channelId) {
        for (var frame : frames) {
            assertThat(frame.toString()).doesNotContain(channelId).doesNotContain(SECRET).doesNotContain("in the vault");
        }
    }

    @Test
    void liveOnlyTheMembersReceiveTheChannel() throws Exception {
        try (var aSocket = WsClient.connect(server.url(), a.token(), workspaceId, null);
                var bSocket = WsClient.connect(server.url(), b.token(), workspaceId, null);
                var cSocket = WsClient.connect(server.url(), c.token(), workspaceId, null)) {
            var expected = new ArrayList<>(whisper(secretId, "live"));
            var sentinel = sentinel("sentinel, live");
            expected.add(sentinel);

            for (var member : List.of(aSocket, bSocket)) {
                assertThat(cursors(member.durable(7, 5000))).containsExactlyElementsOf(expected);
            }
            var seenByC = cSocket.nextDurable(5000);
            assertThat(seenByC.path("cursor").asText()).isEqualTo(sentinel);
            assertNothingPrivate(List.of(seenByC), secretId);
            assertNothingPrivate(cSocket.drain(), secretId);
        }
    }

    @Test
    void aResumeFromTheFeedStepsOverTheChannelForOthers() throws Exception {
        var before = tail();
        var whispered = whisper(secretId, "from memory");
        var sentinel = sentinel("sentinel, from memory");

        try (var aResumed = WsClient.connect(server.url(), a.token(), workspaceId, before)) {
            var replayed = aResumed.durable(7, 5000);
            assertThat(cursors(replayed).subList(0, 6)).containsExactlyElementsOf(whispered);
            assertThat(cursors(replayed).getLast()).isEqualTo(sentinel);
        }
        try (var cResumed = WsClient.connect(server.url(), c.token(), workspaceId, before)) {
            assertThat(cResumed.nextDurable(5000).path("cursor").asText()).isEqualTo(sentinel);
            var next = sentinel("live after the resume");
            assertThat(cResumed.nextDurable(5000).path("cursor").asText()).isEqualTo(next);
            assertNothingPrivate(cResumed.drain(), secretId);
        }
    }

    @Test
    void aResumeFromTheDatabaseStepsOverTheChannelForOthers() throws Exception {
        var before = tail();
        var whispered = whisper(secretId, "from the database");
        // ~30 KB each in the feed's estimate: the private events are gone from the 64 KiB feed.
        var big = "🦀".repeat(5_000) + " ";
        var general = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            general.add(sentinel(big + i));
        }

        try (var bResumed = WsClient.connect(server.url(), b.token(), workspaceId, before)) {
            var replayed = bResumed.durable(14, 10_000);
            assertThat(cursors(replayed).subList(0, 6)).containsExactlyElementsOf(whispered);
            assertThat(cursors(replayed).subList(6, 14)).containsExactlyElementsOf(general);
        }
        try (var cResumed = WsClient.connect(server.url(), c.token(), workspaceId, before)) {
            var replayed = cResumed.durable(8, 10_000);
            assertThat(cursors(replayed)).containsExactlyElementsOf(general);
            var next = sentinel("live after the database replay");
            assertThat(cResumed.nextDurable(5000).path("cursor").asText()).isEqualTo(next);
            assertNothingPrivate(replayed, secretId);
            assertNothingPrivate(cResumed.drain(), secretId);
        }
    }

    @Test
    void theHttpCatchUpShowsTheChannelOnlyToItsMembers() {
        var before = tail();
        var whispered = whisper(secretId, "over HTTP");
        var sentinel = sentinel("sentinel over HTTP");
        var path = "/api/realtime/events?workspace_id=" + workspaceId + "&after_cursor=" + before;

        var forB = new ArrayList<String>();
        b.api().get(path).json().path("events").forEach(e -> forB.add(e.path("cursor").asText()));
        var expected = new ArrayList<>(whispered);
        expected.add(sentinel);
        assertThat(forB).containsExactlyElementsOf(expected);

        var forC = c.api().get(path).json();
        assertThat(forC.path("events")).extracting(e -> e.path("cursor").asText()).containsExactly(sentinel);
        var everything = c.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&limit=1000").json();
        var frames = new ArrayList<JsonNode>();
        everything.path("events").forEach(frames::add);
        assertThat(frames).isNotEmpty();
        assertNothingPrivate(frames, secretId);
    }

    @Test
    void noReadRouteListingOrSearchShowsTheChannelToANonMember() {
        var posted = a.api().post("/api/channels/" + secretId + "/messages", Map.of("body", SECRET + " searchable"));
        var messageId = posted.at("/message/id").asText();

        assertThat(c.api().get("/api/workspaces/" + workspaceId + "/channels").body()).doesNotContain(secretId);
        assertThat(c.api().get("/api/workspaces/" + workspaceId + "/channels?limit=500").body()).doesNotContain(secretId);
        assertThat(b.api().get("/api/workspaces/" + workspaceId + "/channels").body()).contains(secretId);
        for (var path : List.of("/api/channels/" + secretId, "/api/channels/" + secretId + "/messages",
                "/api/channels/" + secretId + "/members", "/api/channels/" + secretId + "/pins",
                "/api/messages/" + messageId,
                "/api/messages/" + messageId + "/thread")) {
            var answer = c.api().get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body()).doesNotContain(SECRET).doesNotContain(secretId);
        }
        long tail = server.tailCursor();
        assertThat(c.api().post("/api/channels/" + secretId + "/messages", Map.of("body", "let me in")).status())
                .isEqualTo(404);
        assertThat(c.api().post("/api/channels/" + secretId + "/join", null).status()).isEqualTo(404);
        assertThat(c.api().post("/api/messages/" + messageId + "/reactions", Map.of("emoji", "👀")).status())
                .isEqualTo(404);
        assertThat(c.api().post("/api/messages/" + messageId + "/thread/replies", Map.of("body", "psst")).status())
                .isEqualTo(404);
        assertThat(server.tailCursor()).as("refusals write nothing").isEqualTo(tail);

        var search = "/api/search?workspace_id=" + workspaceId + "&q=pearl%20searchable";
        assertThat(c.api().get(search).json().path("results")).isEmpty();
        assertThat(b.api().get(search).at("/results/0/message/id").asText()).isEqualTo(messageId);
    }

    @Test
    void leavingStopsTheChannelOnAnOpenSocketAndBeingAddedStartsIt() throws Exception {
        var channelId = privateChannel("pearl-annex");
        try (var bSocket = WsClient.connect(server.url(), b.token(), workspaceId, null);
                var cSocket = WsClient.connect(server.url(), c.token(), workspaceId, null)) {
            var left = b.api().post("/api/channels/" + channelId + "/leave", null);
            assertThat(left.status()).as(left.body()).isEqualTo(200);
            var afterLeaving = a.api().post("/api/channels/" + channelId + "/messages", Map.of("body", SECRET + " annex"));
            assertThat(afterLeaving.status()).isEqualTo(201);
            var sentinel = sentinel("sentinel after leaving");

            var seenByB = bSocket.durable(2, 5000);
            assertThat(cursors(seenByB)).as("B hears of their own leaving, then nothing of the channel")
                    .containsExactly(left.at("/event/cursor").asText(), sentinel);
            assertThat(c.api().get("/api/channels/" + channelId).status()).isEqualTo(404);
            assertThat(cSocket.nextDurable(5000).path("cursor").asText()).isEqualTo(sentinel);

            var added = a.api().post("/api/channels/" + channelId + "/members", Map.of("user_id", c.id()));
            assertThat(added.status()).isEqualTo(201);
            var afterJoining = a.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "welcome, C"));
            var seenByC = cSocket.durable(2, 5000);
            assertThat(cursors(seenByC)).containsExactly(added.at("/event/cursor").asText(),
                    afterJoining.at("/event/cursor").asText());
            assertThat(seenByC.get(1).at("/payload/message/body").asText()).isEqualTo("welcome, C");
            assertThat(c.api().get("/api/channels/" + channelId + "/messages").status()).isEqualTo(200);
            var sentinel2 = sentinel("sentinel after joining");
            assertThat(bSocket.nextDurable(5000).path("cursor").asText()).isEqualTo(sentinel2);
        }
    }
}
