package chat.clickclack.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.Api;
import chat.clickclack.testing.CallbackReceiver;
import chat.clickclack.testing.CallbackReceiver.Answer;
import chat.clickclack.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Outgoing event subscriptions against a real server and a real receiver on loopback: order, signatures,
 * at-least-once across a receiver outage and a server restart (and exactly once per success), the pause after
 * the failure window, the privacy of private events, and the callback safety rules at delivery.
 */
class EventSubscriptionsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Map<String, String> settings(String pauseAfterMs) {
        return Map.of("dev", "false", "allowed_callback_hosts", "127.0.0.1", "event_delivery_first_retry_ms", "50",
                "event_delivery_max_retry_ms", "200", "event_delivery_pause_after_ms", pauseAfterMs);
    }

    /** A workspace with its owner, on a server. */
    record Reef(TestServer.User owner, String workspaceId, String channelId) {
        static Reef on(TestServer server) {
            var owner = server.newUser("Owner");
            var created = owner.api().post("/api/workspaces", Map.of("name", "Delivery Reef"));
            return new Reef(owner, created.at("/workspace/id").asText(), created.at("/channel/id").asText());
        }

        Api.Response subscribe(Api api, String url, List<String> types) {
            return api.post("/api/workspaces/" + workspaceId + "/event-subscriptions",
                    Map.of("url", url, "event_types", types));
        }

        void post(Api api, String body) {
            assertThat(api.post("/api/channels/" + channelId + "/messages", Map.of("body", body)).status()).isEqualTo(201);
        }
    }

    private static JsonNode json(CallbackReceiver.Received r) {
        try {
            return Api.JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyEventArrivesInOrderOnceAcrossAReceiverOutageAndAServerRestart() throws Exception {
        var server = TestServer.start(settings("86400000"));
        var receiver = CallbackReceiver.start();
        try {
            var reef = Reef.on(server);
            var created = reef.subscribe(reef.owner().api(), receiver.url("/events"), List.of("message.created"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            var secret = created.text("secret");
            var subscriptionId = created.at("/subscription/id").asText();
            // What the receiver acknowledged with a 2xx, in arrival order; a bad signature is refused (401).
            var acked = Collections.synchronizedList(new ArrayList<String>());
            var down = new AtomicBoolean();
            receiver.answer = r -> {
                if (!r.signedWith(secret)) {
                    return Answer.status(401);
                }
                if (down.get()) {
                    return Answer.status(503);
                }
                acked.add(json(r).at("/payload/message/body").asText());
                return Answer.status(204);
            };

            for (int i = 1; i <= 3; i++) {
                reef.post(reef.owner().api(), "m" + i);
            }
            Awaitility.await().atMost(WAIT).until(() -> acked.size() == 3);
            var first = receiver.drain().getFirst();
            assertThat(first.header("X-ClickClack-Event")).isEqualTo("message.created");
            assertThat(json(first).at("/type").asText()).isEqualTo("message.created");
            assertThat(json(first).at("/workspace_id").asText()).isEqualTo(reef.workspaceId());
            assertThat(json(first).at("/cursor").asText()).isNotBlank();

            down.set(true);
            for (int i = 4; i <= 6; i++) {
                reef.post(reef.owner().api(), "m" + i);
            }
            var owner = reef.owner().api();
            Awaitility.await().atMost(WAIT).until(() -> {
                var log = owner.get("/api/event-subscriptions/" + subscriptionId + "/deliveries");
                return log.at("/deliveries/0/attempts").asInt() >= 3;
            });
            var failing = owner.get("/api/event-subscriptions/" + subscriptionId + "/deliveries").at("/deliveries/0");
            assertThat(failing.get("status").asText()).isEqualTo("retrying");
            assertThat(failing.get("response_code").asInt()).isEqualTo(503);
            assertThat(failing.get("last_error").asText()).contains("503");
            assertThat(failing.has("next_attempt_at")).isTrue();

            // The receiver goes away entirely and the server restarts meanwhile; the retry state is in the database.
            var answer = receiver.answer;
            int port = receiver.port();
            receiver.close();
            server = server.restart();
            var api = server.bearer(reef.owner().token());
            reef.post(api, "m7");
            Awaitility.await().atMost(WAIT).until(() -> api.get("/api/event-subscriptions/" + subscriptionId
                    + "/deliveries").at("/deliveries/0/last_error").asText().contains("could not connect"));
            down.set(false);
            receiver = CallbackReceiver.start(port);
            receiver.answer = answer;
            Awaitility.await().atMost(WAIT).until(() -> acked.size() >= 7);
            // A sentinel: once it is acknowledged, anything sent twice would have arrived before it.
            reef.post(api, "m8");
            Awaitility.await().atMost(WAIT).until(() -> acked.contains("m8"));
            assertThat(acked).containsExactly("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8");

            var log = api.get("/api/event-subscriptions/" + subscriptionId + "/deliveries?limit=200");
            assertThat(log.json().get("deliveries")).hasSize(8);
            var m4 = log.at("/deliveries/4");
            assertThat(m4.get("status").asText()).isEqualTo("delivered");
            assertThat(m4.get("attempts").asInt()).isGreaterThanOrEqualTo(4);
            assertThat(m4.get("response_code").asInt()).isEqualTo(204);
            assertThat(m4.has("delivered_at")).isTrue();
            var sub = api.get("/api/workspaces/" + reef.workspaceId() + "/event-subscriptions").at("/subscriptions/0");
            assertThat(sub.get("status").asText()).isEqualTo("active");
            assertThat(sub.has("failing_since")).isFalse();
            assertThat(sub.get("cursor").asText()).isEqualTo(log.at("/deliveries/0/event_cursor").asText());
        } finally {
            receiver.close();
            server.close();
        }
    }

    @Test
    void aSubscriptionFailingForLongerThanTheWindowIsPausedAndResumesFromItsCursor() throws Exception {
        var server = TestServer.start(settings("400"));
        var receiver = CallbackReceiver.start();
        try {
            var reef = Reef.on(server);
            var api = reef.owner().api();
            var id = reef.subscribe(api, receiver.url("/e"), List.of("*")).at("/subscription/id").asText();
            receiver.answer = r -> Answer.status(500);
            reef.post(api, "kept");

            Awaitility.await().atMost(WAIT).until(() -> api.get("/api/workspaces/" + reef.workspaceId()
                    + "/event-subscriptions").at("/subscriptions/0/status").asText().equals("paused"));
            var paused = api.get("/api/workspaces/" + reef.workspaceId() + "/event-subscriptions").at("/subscriptions/0");
            assertThat(paused.get("paused_reason").asText()).contains("failing since").contains("500");
            receiver.drain();
            reef.post(api, "while paused");

            var bodies = Collections.synchronizedList(new ArrayList<String>());
            receiver.answer = r -> {
                bodies.add(json(r).at("/type").asText() + ":" + json(r).at("/payload/message/body").asText());
                return Answer.status(200);
            };
            var resumed = api.post("/api/event-subscriptions/" + id + "/resume", null);
            assertThat(resumed.at("/subscription/status").asText()).isEqualTo("active");
            Awaitility.await().atMost(WAIT).until(() -> bodies.contains("message.created:while paused"));
            assertThat(bodies).containsSubsequence("message.created:kept", "message.created:while paused");

            var pausedByHand = api.post("/api/event-subscriptions/" + id + "/pause", null);
            assertThat(pausedByHand.at("/subscription/paused_reason").asText()).isEqualTo("paused by a person");
            assertThat(api.delete("/api/event-subscriptions/" + id).status()).isEqualTo(204);
            assertThat(api.get("/api/event-subscriptions/" + id + "/deliveries").status()).isEqualTo(404);
        } finally {
            receiver.close();
            server.close();
        }
    }

    @Test
    void privateChannelDirectMessageAndReadPointerEventsNeverLeave() throws Exception {
        var server = TestServer.start(settings("86400000"));
        var receiver = CallbackReceiver.start();
        try {
            var reef = Reef.on(server);
            var api = reef.owner().api();
            var peer = server.newUser("Peer");
            server.join(reef.workspaceId(), peer, "member");
            var received = Collections.synchronizedList(new ArrayList<JsonNode>());
            receiver.answer = r -> {
                received.add(json(r));
                return Answer.status(200);
            };
            assertThat(reef.subscribe(api, receiver.url("/all"), List.of("*")).status()).isEqualTo(201);

            var den = api.post("/api/workspaces/" + reef.workspaceId() + "/channels",
                    Map.of("name", "secret-den", "kind", "private")).at("/channel/id").asText();
            assertThat(api.post("/api/channels/" + den + "/messages", Map.of("body", "private pearl")).status())
                    .isEqualTo(201);
            var dm = api.post("/api/dms", Map.of("workspace_id", reef.workspaceId(), "member_ids", List.of(peer.id())));
            assertThat(dm.status()).as(dm.body()).isIn(200, 201);
            var dmId = dm.at("/conversation/id").asText();
            assertThat(api.post("/api/dms/" + dmId + "/messages", Map.of("body", "whispered pearl")).status())
                    .isEqualTo(201);
            reef.post(api, "warm-up");
            assertThat(api.post("/api/channels/" + reef.channelId() + "/read", Map.of("seq", 1000)).status()).isEqualTo(200);
            reef.post(api, "public sentinel");

            Awaitility.await().atMost(WAIT).until(() -> received.stream()
                    .anyMatch(e -> e.at("/payload/message/body").asText().equals("public sentinel")));
            for (var event : received) {
                assertThat(event.toString()).doesNotContain("private pearl").doesNotContain("whispered pearl")
                        .doesNotContain("secret-den");
                assertThat(event.path("channel_id").asText()).isNotEqualTo(den);
                assertThat(event.at("/type").asText()).doesNotStartWith("dm.").isNotEqualTo("channel.read");
            }
        } finally {
            receiver.close();
            server.close();
        }
    }

    @Test
    void deliveryRefusesUnsafeAddressesAndDoesNotFollowRedirects() throws Exception {
        var server = TestServer.start(settings("86400000"));
        var receiver = CallbackReceiver.start();
        try {
            var reef = Reef.on(server);
            var api = reef.owner().api();
            assertThat(reef.subscribe(api, "http://169.254.169.254/latest", List.of("*")).error()).contains("cloud metadata");
            assertThat(reef.subscribe(api, "http://192.168.1.1/x", List.of("*")).error()).contains("private");
            assertThat(reef.subscribe(api, "http://[fd00::1]/x", List.of("*")).error()).contains("unique local");
            assertThat(reef.subscribe(api, "file:///etc/passwd", List.of("*")).status()).isEqualTo(400);

            receiver.answer = r -> r.path().equals("/hop")
                    ? new Answer(302, "text/plain", "", Map.of("Location", receiver.url("/landed")))
                    : Answer.status(200);
            var hop = reef.subscribe(api, receiver.url("/hop"), List.of("message.created")).at("/subscription/id").asText();
            // Stored without the registration check, as if DNS changed since: delivery checks again.
            var inside = server.app().database().write(tx -> {
                var id = "sub_inside";
                chat.clickclack.db.Sql.update(tx.connection(), """
                        INSERT INTO event_subscriptions (id, workspace_id, url, event_types, secret, status, cursor, created_at)
                        VALUES (?, ?, ?, '["*"]', 'ccs_x', 'active', (SELECT coalesce(max(cursor), 0) FROM events), ?)""",
                        id, reef.workspaceId(), "http://127.0.0.2:" + receiver.port() + "/inside",
                        java.time.Instant.now().toString());
                return id;
            });
            reef.post(api, "tripwire");

            Awaitility.await().atMost(WAIT).until(() -> api.get("/api/event-subscriptions/" + hop + "/deliveries")
                    .at("/deliveries/0/attempts").asInt() >= 2);
            assertThat(api.get("/api/event-subscriptions/" + hop + "/deliveries").at("/deliveries/0/last_error").asText())
                    .contains("302").contains("redirects are not followed");
            Awaitility.await().atMost(WAIT).until(() -> api.get("/api/event-subscriptions/" + inside + "/deliveries")
                    .at("/deliveries/0/attempts").asInt() >= 1);
            assertThat(api.get("/api/event-subscriptions/" + inside + "/deliveries").at("/deliveries/0/last_error")
                    .asText()).contains("refused by the callback safety rules").contains("loopback");
            assertThat(receiver.drain()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/hop"));
        } finally {
            receiver.close();
            server.close();
        }
    }

    @Test
    void badInputAndNonManagersAreRefused() {
        try (var server = TestServer.start(settings("86400000"))) {
            var reef = Reef.on(server);
            var api = reef.owner().api();
            assertThat(reef.subscribe(api, "http://127.0.0.1:9/x", List.of("message.exploded")).error())
                    .contains("unknown event type");
            assertThat(reef.subscribe(api, "http://127.0.0.1:9/x", List.of("*", "message.created")).status()).isEqualTo(400);
            assertThat(reef.subscribe(api, "http://127.0.0.1:9/x", List.of()).status()).isEqualTo(400);
            var member = server.newUser("Member");
            server.join(reef.workspaceId(), member, "member");
            assertThat(reef.subscribe(member.api(), "http://127.0.0.1:9/x", List.of("*")).status()).isEqualTo(403);
            assertThat(member.api().get("/api/workspaces/" + reef.workspaceId() + "/event-subscriptions").status())
                    .isEqualTo(403);
        }
    }
}
