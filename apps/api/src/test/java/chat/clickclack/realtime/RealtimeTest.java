package chat.clickclack.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.auth.TokenHash;
import chat.clickclack.db.Sql;
import chat.clickclack.ids.Times;
import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RealtimeTest {
    static TestServer server;
    static TestServer.User ari;
    static TestServer.User bo;
    static String workspaceId;
    static String channelId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("replay_window", "50"));
        ari = server.newUser("Ari");
        bo = server.newUser("Bo");
        var created = ari.api().post("/api/workspaces", Map.of("name", "Reef"));
        workspaceId = created.at("/workspace/id").asText();
        channelId = created.at("/channel/id").asText();
        server.join(workspaceId, bo, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode post(TestServer.User user, String body) {
        var response = user.api().post("/api/channels/" + channelId + "/messages", Map.of("body", body));
        assertThat(response.status()).isEqualTo(201);
        return response.json();
    }

    private static String tail() {
        return ari.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&include_tail=true&limit=1")
                .text("tail_cursor");
    }

    @Test
    void aSubscriberReceivesMessageCreatedWithTheFullMessageWithinASecond() throws Exception {
        try (var ws = WsClient.connect(server.url(), bo.token(), workspaceId, null)) {
            assertThat(ws.subprotocol()).isEqualTo("clickclack.bearer." + bo.token());
            var posted = post(ari, "hello *reef*");
            var event = ws.nextDurable(1000);
            assertThat(event).isNotNull();
            assertThat(event.path("type").asText()).isEqualTo("message.created");
            assertThat(event.path("cursor").asText()).isEqualTo(posted.at("/event/cursor").asText());
            assertThat(event.at("/payload/message/body").asText()).isEqualTo("hello *reef*");
            assertThat(event.at("/payload/message/author/display_name").asText()).isEqualTo("Ari");
        }
    }

    @Test
    void aClientThatMissedEventsGetsExactlyThoseInOrderThenLiveEvents() throws Exception {
        String lastCursor;
        try (var ws = WsClient.connect(server.url(), bo.token(), workspaceId, tail())) {
            post(ari, "before the nap");
            lastCursor = ws.nextDurable(2000).path("cursor").asText();
        }
        var missed = new java.util.ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            missed.add(post(ari, "missed " + i).at("/event/cursor").asText());
        }
        try (var ws = WsClient.connect(server.url(), bo.token(), workspaceId, lastCursor)) {
            var replayed = ws.durable(5, 2000);
            assertThat(replayed.stream().map(e -> e.path("cursor").asText()).toList()).isEqualTo(missed);
            assertThat(replayed.stream().map(e -> e.at("/payload/message/body").asText()).toList())
                    .containsExactly("missed 0", "missed 1", "missed 2", "missed 3", "missed 4");
            var live = post(ari, "live again");
            var next = ws.nextDurable(2000);
            assertThat(next.path("cursor").asText()).isEqualTo(live.at("/event/cursor").asText());
            assertThat(ws.nextDurable(200)).as("no duplicate after the seam").isNull();
        }
    }

    @Test
    void bogusPrunedAndFutureCursorsAskForAResync() throws Exception {
        for (var cursor : List.of("bogus", "-1", Long.toString(server.tailCursor() + 1000))) {
            try (var ws = WsClient.connect(server.url(), bo.token(), workspaceId, cursor)) {
                var closed = ws.awaitClose(3000);
                assertThat(closed.code()).as("cursor %s", cursor).isEqualTo(4001);
                assertThat(closed.reason()).contains("resync");
            }
        }
    }

    @Test
    void aReplayLargerThanTheWindowAsksForAResync() throws Exception {
        var from = tail();
        for (int i = 0; i < 51; i++) {
            post(ari, "flood " + i);
        }
        try (var ws = WsClient.connect(server.url(), bo.token(), workspaceId, from)) {
            var closed = ws.awaitClose(3000);
            assertThat(closed.code()).isEqualTo(4001);
            assertThat(closed.reason()).contains("more than 50 events");
        }
    }

    @Test
    void theUpgradeIsRefusedWithPlainErrorsBeforeTheSocketOpens() {
        var outsider = server.newUser("Outsider");
        assertThat(WsClient.refusedStatus(server.url(), outsider.token(), "?workspace_id=" + workspaceId)).isEqualTo(403);
        assertThat(WsClient.refusedStatus(server.url(), "not-a-token", "?workspace_id=" + workspaceId)).isEqualTo(401);
        assertThat(WsClient.refusedStatus(server.url(), bo.token(), "")).isEqualTo(400);
        assertThat(WsClient.refusedStatus(server.url(), bo.token(), "?workspace_id=wsp_nope")).isEqualTo(404);
        var plainGet = bo.api().get("/api/realtime/ws?workspace_id=" + workspaceId);
        assertThat(plainGet.status()).isEqualTo(426);
        assertThat(plainGet.error()).contains("WebSocket");
    }

    @Test
    void typingReachesOtherMembersAndNeverEntersTheLog() throws Exception {
        try (var ws = WsClient.connect(server.url(), bo.token(), workspaceId, null)) {
            // Sentinel: once a durable event arrives the socket is subscribed (ephemeral events before that drop).
            ari.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "typing sentinel"));
            assertThat(ws.nextDurable(5000)).as("the sentinel message").isNotNull();
            long before = server.tailCursor();
            // A payload cannot even claim a sender: only fixed fields are accepted (issue 15 item 4).
            var spoofed = ari.api().post("/api/realtime/ephemeral", Map.of("workspace_id", workspaceId,
                    "channel_id", channelId, "type", "typing.started", "payload", Map.of("user_id", "usr_spoofed")));
            assertThat(spoofed.status()).isEqualTo(400);
            var response = ari.api().post("/api/realtime/ephemeral", Map.of("workspace_id", workspaceId,
                    "channel_id", channelId, "type", "typing.started"));
            assertThat(response.status()).isEqualTo(202);
            JsonNode typing = null;
            for (int i = 0; i < 10 && typing == null; i++) {
                var frame = ws.next(1000);
                if (frame != null && frame.path("type").asText().equals("typing.started")) {
                    typing = frame;
                }
            }
            assertThat(typing).isNotNull();
            assertThat(typing.path("user_id").asText()).as("sender set by the server").isEqualTo(ari.id());
            assertThat(typing.path("channel_id").asText()).isEqualTo(channelId);
            assertThat(typing.has("cursor")).isFalse();
            assertThat(server.tailCursor()).isEqualTo(before);
        }
    }

    @Test
    void presenceGoesOnlineWithASocketAndOfflineAfterTheLastOneCloses() throws Exception {
        var cy = server.newUser("Cy");
        server.join(workspaceId, cy, "member");
        try (var watcher = WsClient.connect(server.url(), bo.token(), workspaceId, null)) {
            // Sentinel: presence is ephemeral, so the watcher must be subscribed before Cy connects.
            ari.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "presence sentinel"));
            assertThat(watcher.nextDurable(5000)).as("the sentinel message").isNotNull();
            var cySocket = WsClient.connect(server.url(), cy.token(), workspaceId, null);
            assertThat(presenceOf(watcher, cy.id())).isEqualTo("online");
            assertThat(bo.api().get("/api/workspaces/" + workspaceId + "/presence").json().path("presence").toString())
                    .contains(cy.id());
            cySocket.close();
            assertThat(presenceOf(watcher, cy.id())).isEqualTo("offline");
            assertThat(bo.api().get("/api/workspaces/" + workspaceId + "/presence").json().path("presence").toString())
                    .doesNotContain(cy.id());
        }
    }

    private static String presenceOf(WsClient ws, String userId) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            var frame = ws.next(200);
            if (frame != null && frame.path("type").asText().equals("presence.changed")
                    && frame.path("user_id").asText().equals(userId)) {
                return frame.at("/payload/status").asText();
            }
        }
        return "no presence event";
    }

    @Test
    void revokedOrRemovedUsersAreDisconnectedWith1008() throws Exception {
        var dee = server.newUser("Dee");
        server.join(workspaceId, dee, "member");
        try (var ws = WsClient.connect(server.url(), dee.token(), workspaceId, null)) {
            var removed = ari.api().delete("/api/workspaces/" + workspaceId + "/members/" + dee.id());
            assertThat(removed.status()).isEqualTo(200);
            var closed = ws.awaitClose(3000);
            assertThat(closed.code()).isEqualTo(1008);
        }
        var eve = server.newUser("Eve");
        server.join(workspaceId, eve, "member");
        try (var ws = WsClient.connect(server.url(), eve.token(), workspaceId, null)) {
            assertThat(eve.api().post("/api/auth/logout", null).status()).isEqualTo(204);
            var closed = ws.awaitClose(3000);
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(eve.api().get("/api/me").status()).isEqualTo(401);
        }
    }

    @Test
    void withoutACursorEveryEventCommittedAfterTheHandshakeArrives() throws Exception {
        // "From now" is fixed before the 101 is sent: a post made the moment the socket opens is not missed.
        for (int i = 0; i < 20; i++) {
            try (var ws = WsClient.connect(server.url(), bo.token(), workspaceId, null)) {
                var posted = post(ari, "right after the handshake " + i);
                var cursor = posted.at("/event/cursor").asText();
                JsonNode got;
                do {
                    got = ws.nextDurable(5000);
                    assertThat(got).as("event %s of round %d", cursor, i).isNotNull();
                } while (Long.parseLong(got.path("cursor").asText()) < Long.parseLong(cursor));
                assertThat(got.path("cursor").asText()).isEqualTo(cursor);
            }
        }
    }

    @Test
    void revocationsAndRemovalsMadeElsewhereCloseSocketsAtTheNextRecheck() throws Exception {
        var fay = server.newUser("Fay");
        var gus = server.newUser("Gus");
        var hal = server.newUser("Hal");
        server.join(workspaceId, fay, "member");
        server.join(workspaceId, gus, "member");
        server.join(workspaceId, hal, "member");
        try (var revoked = WsClient.connect(server.url(), fay.token(), workspaceId, null);
                var removed = WsClient.connect(server.url(), gus.token(), workspaceId, null);
                var kept = WsClient.connect(server.url(), hal.token(), workspaceId, null)) {
            // As `clickclack admin …` next to the server would: straight to the database, no hub callback.
            server.app().database().write(tx -> {
                Sql.update(tx.connection(), "UPDATE sessions SET revoked_at = ? WHERE token_hash = ?",
                        Times.now(), TokenHash.of(fay.token()));
                return Sql.update(tx.connection(), "DELETE FROM workspace_members WHERE workspace_id = ? AND user_id = ?",
                        workspaceId, gus.id());
            });
            long within = TimeUnit.SECONDS.toMillis(Hub.MEMBERSHIP_RECHECK_SECONDS + 3);
            assertThat(revoked.awaitClose(within)).isEqualTo(new WsClient.Closed(1008, "session revoked"));
            assertThat(removed.awaitClose(within)).isEqualTo(new WsClient.Closed(1008, "removed from the workspace"));
            // The re-check judges every socket in one pass: the one still allowed keeps listening.
            assertThat(kept.isClosed()).isFalse();
            var after = post(hal, "still here");
            assertThat(kept.nextDurable(5000).path("cursor").asText()).isEqualTo(after.at("/event/cursor").asText());
        }
    }
}
