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
 * Issue 11, delivery by membership for public channels: what happens in a public channel (messages, an edit,
 * a reaction, a thread reply, a pin) reaches the sockets of its members, and of a socket that says it is
 * looking at the channel (the web's preview before joining) — not every socket of the workspace. C, in the
 * workspace but not in the channel, gets none of it live, on a resume from the feed or from the database, or
 * in the HTTP catch-up, until C views it; a message in #general (everyone's) is the sentinel that says
 * delivery has happened (no sleeps). Joining and leaving act on already open sockets.
 */
class PublicChannelDeliveryTest {
    static final String TALK = "the tide turns at noon";
    static TestServer server;
    static TestServer.User a;
    static TestServer.User b;
    static TestServer.User c;
    static String workspaceId;
    static String generalId;
    static String reefId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("feed_max_bytes", Integer.toString(64 * 1024), "replay_window", "1000"));
        a = server.newUser("Reef A");
        b = server.newUser("Reef B");
        c = server.newUser("Passer-by C");
        var created = a.api().post("/api/workspaces", Map.of("name", "Tide Pool"));
        workspaceId = created.at("/workspace/id").asText();
        generalId = created.at("/channel/id").asText();
        server.join(workspaceId, b, "member");
        server.join(workspaceId, c, "member");
        reefId = publicChannel("reef-talk");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A public channel made by A, joined by B; C stays out. */
    private static String publicChannel(String name) {
        var created = a.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.at("/channel/id").asText();
        var joined = b.api().post("/api/channels/" + id + "/join", null);
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        return id;
    }

    /** Traffic in the channel; the cursors of its seven events in order. */
    private static List<String> talk(String channelId, String tag) {
        var cursors = new ArrayList<String>();
        var first = a.api().post("/api/channels/" + channelId + "/messages", Map.of("body", TALK + " " + tag));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        cursors.add(first.at("/event/cursor").asText());
        var messageId = first.at("/message/id").asText();
        var answer = b.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "ok " + tag));
        assertThat(answer.status()).isEqualTo(201);
        cursors.add(answer.at("/event/cursor").asText());
        cursors.add(a.api().patch("/api/messages/" + messageId, Map.of("body", TALK + " (edited) " + tag))
                .at("/event/cursor").asText());
        var reacted = b.api().post("/api/messages/" + messageId + "/reactions", Map.of("emoji", "🐚"));
        assertThat(reacted.status()).isEqualTo(201);
        cursors.add(reacted.at("/event/cursor").asText());
        var replied = b.api().post("/api/messages/" + messageId + "/thread/replies", Map.of("body", "in the thread " + tag));
        assertThat(replied.status()).isEqualTo(201);
        replied.json().path("events").forEach(e -> cursors.add(e.path("cursor").asText()));
        var pinned = a.api().post("/api/channels/" + channelId + "/pins", Map.of("message_id", messageId));
        assertThat(pinned.status()).as(pinned.body()).isEqualTo(201);
        cursors.add(pinned.at("/event/cursor").asText());
        assertThat(cursors).hasSize(7);
        return cursors;
    }

    private static String sentinel(String body) {
        var posted = a.api().post("/api/channels/" + generalId + "/messages", Map.of("body", body));
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

    private static void assertNothingOf(List<JsonNode> frames, String channelId) {
        for (var frame : frames) {
            assertThat(frame.toString()).doesNotContain(TALK).doesNotContain("in the thread");
            if (frame.hasNonNull("cursor")) {
                assertThat(frame.path("channel_id").asText()).isNotEqualTo(channelId);
            }
        }
    }

    @Test
    void liveOnlyMembersReceiveThePublicChannel() throws Exception {
        try (var aSocket = WsClient.connect(server.url(), a.token(), workspaceId, null);
                var bSocket = WsClient.connect(server.url(), b.token(), workspaceId, null);
                var cSocket = WsClient.connect(server.url(), c.token(), workspaceId, null)) {
            var expected = new ArrayList<>(talk(reefId, "live"));
            var sentinel = sentinel("sentinel, live");
            expected.add(sentinel);

            for (var member : List.of(aSocket, bSocket)) {
                assertThat(cursors(member.durable(8, 5000))).containsExactlyElementsOf(expected);
            }
            var seenByC = cSocket.nextDurable(5000);
            assertThat(seenByC.path("cursor").asText()).isEqualTo(sentinel);
            assertNothingOf(cSocket.drain(), reefId);
        }
    }

    @Test
    void aViewerReceivesTheChannelUntilItLooksAway() throws Exception {
        try (var cSocket = WsClient.connect(server.url(), c.token(), workspaceId, null)) {
            var viewing = cSocket.view(reefId);
            assertThat(viewing.path("type").asText()).isEqualTo("view.updated");
            assertThat(viewing.path("channel_id").asText()).isEqualTo(reefId);
            var expected = new ArrayList<>(talk(reefId, "previewed"));
            expected.add(sentinel("sentinel while previewing"));
            assertThat(cursors(cSocket.durable(8, 5000))).as("a preview updates live").containsExactlyElementsOf(expected);

            assertThat(cSocket.view(null).path("type").asText()).isEqualTo("view.updated");
            talk(reefId, "looked away");
            var sentinel = sentinel("sentinel after looking away");
            assertThat(cSocket.nextDurable(5000).path("cursor").asText()).isEqualTo(sentinel);
            assertNothingOf(cSocket.drain(), reefId);
        }
    }

    @Test
    void aSocketCannotViewWhatItCannotRead() throws Exception {
        var secret = a.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", "reef-secret", "kind", "private"))
                .at("/channel/id").asText();
        var elsewhere = c.api().post("/api/workspaces", Map.of("name", "Other Pool")).at("/channel/id").asText();
        try (var cSocket = WsClient.connect(server.url(), c.token(), workspaceId, null)) {
            for (var channel : List.of(secret, elsewhere, "ch_nope")) {
                var refused = cSocket.view(channel);
                assertThat(refused.path("type").asText()).as(channel).isEqualTo("view.refused");
                assertThat(refused.at("/payload/error").asText()).isNotBlank();
            }
            for (var bad : List.of("not json", "[]", "{\"type\":\"look\"}", "{\"type\":\"view\",\"channel_id\":7}")) {
                cSocket.send(bad);
                var refused = cSocket.next(5000);
                assertThat(refused.path("type").asText()).as(bad).isEqualTo("view.refused");
            }
            a.api().post("/api/channels/" + secret + "/messages", Map.of("body", TALK + " in secret"));
            var sentinel = sentinel("sentinel after refusals");
            assertThat(cSocket.nextDurable(5000).path("cursor").asText()).isEqualTo(sentinel);
            assertThat(cSocket.isClosed()).as("a refused message does not close the socket").isFalse();
        }
    }

    @Test
    void aResumeFromTheFeedStepsOverTheChannelForNonMembers() throws Exception {
        var before = tail();
        var talked = talk(reefId, "from memory");
        var sentinel = sentinel("sentinel, from memory");

        try (var bResumed = WsClient.connect(server.url(), b.token(), workspaceId, before)) {
            var replayed = bResumed.durable(8, 5000);
            assertThat(cursors(replayed).subList(0, 7)).containsExactlyElementsOf(talked);
            assertThat(cursors(replayed).getLast()).isEqualTo(sentinel);
        }
        try (var cResumed = WsClient.connect(server.url(), c.token(), workspaceId, before)) {
            assertThat(cResumed.nextDurable(5000).path("cursor").asText()).isEqualTo(sentinel);
            var next = sentinel("live after the resume");
            assertThat(cResumed.nextDurable(5000).path("cursor").asText()).isEqualTo(next);
            assertNothingOf(cResumed.drain(), reefId);
        }
    }

    @Test
    void aResumeFromTheDatabaseStepsOverTheChannelForNonMembers() throws Exception {
        var before = tail();
        var talked = talk(reefId, "from the database");
        // ~30 KB each in the feed's estimate: the channel's events are gone from the 64 KiB feed.
        var big = "🦀".repeat(5_000) + " ";
        var general = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            general.add(sentinel(big + i));
        }

        try (var bResumed = WsClient.connect(server.url(), b.token(), workspaceId, before)) {
            var replayed = bResumed.durable(15, 10_000);
            assertThat(cursors(replayed).subList(0, 7)).containsExactlyElementsOf(talked);
            assertThat(cursors(replayed).subList(7, 15)).containsExactlyElementsOf(general);
        }
        try (var cResumed = WsClient.connect(server.url(), c.token(), workspaceId, before)) {
            var replayed = cResumed.durable(8, 10_000);
            assertThat(cursors(replayed)).containsExactlyElementsOf(general);
            var next = sentinel("live after the database replay");
            assertThat(cResumed.nextDurable(5000).path("cursor").asText()).isEqualTo(next);
            assertNothingOf(replayed, reefId);
            assertNothingOf(cResumed.drain(), reefId);
        }
    }

    @Test
    void theHttpCatchUpShowsTheChannelOnlyToItsMembers() {
        var before = tail();
        var talked = talk(reefId, "over HTTP");
        var sentinel = sentinel("sentinel over HTTP");
        var path = "/api/realtime/events?workspace_id=" + workspaceId + "&after_cursor=" + before;

        var forB = new ArrayList<String>();
        b.api().get(path).json().path("events").forEach(e -> forB.add(e.path("cursor").asText()));
        var expected = new ArrayList<>(talked);
        expected.add(sentinel);
        assertThat(forB).containsExactlyElementsOf(expected);

        var forC = c.api().get(path).json();
        assertThat(forC.path("events")).extracting(e -> e.path("cursor").asText()).containsExactly(sentinel);
        // Still readable over HTTP: a public channel is open to every workspace member, joined or not.
        assertThat(c.api().get("/api/channels/" + reefId + "/messages").body()).contains(TALK);
    }

    @Test
    void leavingStopsThePublicChannelOnAnOpenSocketAndJoiningStartsIt() throws Exception {
        var channelId = publicChannel("reef-annex");
        try (var bSocket = WsClient.connect(server.url(), b.token(), workspaceId, null);
                var cSocket = WsClient.connect(server.url(), c.token(), workspaceId, null)) {
            var left = b.api().post("/api/channels/" + channelId + "/leave", null);
            assertThat(left.status()).as(left.body()).isEqualTo(200);
            var afterLeaving = a.api().post("/api/channels/" + channelId + "/messages", Map.of("body", TALK + " annex"));
            assertThat(afterLeaving.status()).isEqualTo(201);
            var sentinel = sentinel("sentinel after leaving");

            var leftCursor = left.at("/event/cursor").asText();
            assertThat(cursors(bSocket.durable(2, 5000))).as("B hears of the leave (everyone does), then nothing of the channel")
                    .containsExactly(leftCursor, sentinel);
            assertThat(cursors(cSocket.durable(2, 5000))).containsExactly(leftCursor, sentinel);

            var joined = c.api().post("/api/channels/" + channelId + "/join", null);
            assertThat(joined.status()).isEqualTo(200);
            var afterJoining = a.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "welcome, C"));
            var seenByC = cSocket.durable(2, 5000);
            assertThat(cursors(seenByC)).containsExactly(joined.at("/event/cursor").asText(),
                    afterJoining.at("/event/cursor").asText());
            assertThat(seenByC.get(1).at("/payload/message/body").asText()).isEqualTo("welcome, C");
            var sentinel2 = sentinel("sentinel after joining");
            assertThat(cursors(bSocket.durable(2, 5000))).as("B sees C join, not the message")
                    .containsExactly(joined.at("/event/cursor").asText(), sentinel2);
        }
    }
}
