package chat.clickclack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.Api;
import chat.clickclack.testing.CallbackReceiver;
import chat.clickclack.testing.CallbackReceiver.Answer;
import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registered slash commands against a real server and a real receiver on loopback (allowed by
 * allowed_callback_hosts): the signed callback, in_channel and ephemeral replies, the 3 s timeout, delayed
 * replies through response_url, and the callback safety rules at delivery.
 */
class RegisteredCommandsTest {
    static TestServer server;
    static CallbackReceiver receiver;
    static TestServer.User ari;
    static TestServer.User bo;
    static String workspaceId;
    static String channelId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("dev", "false", "allowed_callback_hosts", "127.0.0.1"));
        receiver = CallbackReceiver.start();
        ari = server.newUser("Ari");
        bo = server.newUser("Bo");
        var created = ari.api().post("/api/workspaces", Map.of("name", "Callback Reef"));
        workspaceId = created.at("/workspace/id").asText();
        channelId = created.at("/channel/id").asText();
        server.join(workspaceId, bo, "member");
    }

    @AfterEach
    void quiet() {
        receiver.answer = r -> Answer.status(200);
        receiver.drain();
    }

    @AfterAll
    static void stop() {
        receiver.close();
        server.close();
    }

    private static Api.Response register(String trigger, String url) {
        return ari.api().post("/api/workspaces/" + workspaceId + "/commands",
                Map.of("trigger", trigger, "url", url, "description", "Runs " + trigger, "usage_hint", "[what]"));
    }

    private static Api.Response run(TestServer.User who, String line) {
        return who.api().post("/api/commands/execute", Map.of("channel_id", channelId, "command", line));
    }

    @Test
    void theCallbackReceivesAValidSignatureAndItsInChannelReplyAppearsAsTheCommandsBot() throws Exception {
        var created = register("deploy", receiver.url("/deploy"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var secret = created.text("secret");
        var botId = created.at("/command/bot_id").asText();
        assertThat(secret).startsWith("ccs_");
        receiver.answer = r -> Answer.json("{\"response_type\": \"in_channel\", \"text\": \"deploying api 🚀\"}");

        var result = run(bo, "/deploy api now");

        var call = receiver.next(5);
        assertThat(call.signedWith(secret)).as("signature verifies with the secret").isTrue();
        assertThat(call.signedWith("ccs_wrong")).isFalse();
        long ts = Long.parseLong(call.header("X-ClickClack-Timestamp"));
        assertThat(Math.abs(Instant.now().getEpochSecond() - ts)).isLessThan(60);
        assertThat(call.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        var form = call.form();
        assertThat(form).containsEntry("command", "/deploy").containsEntry("text", "api now")
                .containsEntry("channel_id", channelId).containsEntry("channel_name", "general")
                .containsEntry("team_id", workspaceId).containsEntry("user_id", bo.id());
        assertThat(form.get("user_name")).isNotBlank();
        assertThat(form.get("response_url")).startsWith(server.url() + "/hooks/commands/ccr_");
        assertThat(form.get("trigger_id")).isNotBlank();

        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.text("response_type")).isEqualTo("in_channel");
        assertThat(result.at("/message/author_id").asText()).isEqualTo(botId);
        var latest = bo.api().get("/api/channels/" + channelId + "/messages?mode=latest&limit=1");
        assertThat(latest.at("/messages/0/body").asText()).isEqualTo("deploying api 🚀");
        assertThat(latest.at("/messages/0/author_id").asText()).isEqualTo(botId);
    }

    @Test
    void runInAThreadTheCallbackGetsTheRootAndEveryInChannelReplyGoesIntoTheThread() throws Exception {
        register("build", receiver.url("/build"));
        var root = bo.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "release thread"))
                .at("/message/id").asText();
        var newestBefore = bo.api().get("/api/channels/" + channelId + "/messages?mode=latest&limit=1").at("/newest_seq");
        receiver.answer = r -> Answer.json("{\"response_type\": \"in_channel\", \"text\": \"building\"}");

        var result = bo.api().post("/api/commands/execute",
                Map.of("channel_id", channelId, "thread_root_id", root, "command", "/build web"));

        var form = receiver.next(5).form();
        assertThat(form).containsEntry("root_id", root).containsEntry("text", "web");
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.at("/message/thread_root_id").asText()).isEqualTo(root);
        // The delayed reply through the response URL lands in the same thread.
        var path = form.get("response_url").substring(server.url().length());
        var later = server.anonymous().post(path, Map.of("response_type", "in_channel", "text", "built"));
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(later.at("/message/thread_root_id").asText()).isEqualTo(root);
        assertThat(bo.api().get("/api/messages/" + root + "/thread").json().path("replies").findValuesAsText("body"))
                .containsExactly("building", "built");
        assertThat(bo.api().get("/api/channels/" + channelId + "/messages?mode=latest&limit=1").at("/newest_seq"))
                .as("no new root message").isEqualTo(newestBefore);
        try (var boSocket = WsClient.connect(server.url(), bo.token(), workspaceId, null)) {
            var sentinel = ari.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "build sentinel"))
                    .at("/event/cursor").asText();
            assertThat(boSocket.awaitCursor(sentinel, 5_000)).as("the sentinel").isNotNull();
            server.anonymous().post(path, Map.of("text", "only Bo: the build is green"));
            var note = nextOfType(boSocket, "command.ephemeral");
            assertThat(note.at("/payload/thread_root_id").asText()).as("the web shows it in the thread").isEqualTo(root);
        }

        var outside = run(bo, "/build docs");
        assertThat(receiver.next(5).form()).as("run in the channel: no root").containsEntry("root_id", "");
        assertThat(outside.at("/message/thread_root_id").asText()).isEqualTo(outside.at("/message/id").asText());
    }

    @Test
    void aReplyWithoutResponseTypeIsEphemeralAndPostsNothing() throws Exception {
        register("peek", receiver.url("/peek"));
        receiver.answer = r -> Answer.json("{\"text\": \"only you see this\"}");
        var before = bo.api().get("/api/channels/" + channelId + "/messages?mode=latest&limit=1").at("/newest_seq");

        var result = run(bo, "/peek");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text("response_type")).isEqualTo("ephemeral");
        assertThat(result.text("text")).isEqualTo("only you see this");
        assertThat(result.json().has("message")).isFalse();
        assertThat(bo.api().get("/api/channels/" + channelId + "/messages?mode=latest&limit=1").at("/newest_seq"))
                .isEqualTo(before);
    }

    @Test
    void aCallbackSlowerThanThreeSecondsIsAClearEphemeralErrorNotA500() throws Exception {
        register("slow", receiver.url("/slow"));
        var release = new CountDownLatch(1);
        receiver.answer = r -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json("{\"response_type\": \"in_channel\", \"text\": \"too late\"}");
        };
        try {
            long started = System.nanoTime();
            var result = run(bo, "/slow");
            long tookMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(result.status()).as(result.body()).isEqualTo(200);
            assertThat(result.text("response_type")).isEqualTo("ephemeral");
            assertThat(result.text("text")).contains("/slow").contains("did not answer within 3 s");
            assertThat(tookMs).isBetween(2_900L, 9_000L);
        } finally {
            release.countDown();
        }
        assertThat(bo.api().get("/api/channels/" + channelId + "/messages?mode=latest&limit=1")
                .at("/messages/0/body").asText()).isNotEqualTo("too late");
    }

    @Test
    void aFailingCallbackIsAnEphemeralNote() throws Exception {
        register("broken", receiver.url("/broken"));
        receiver.answer = r -> Answer.status(500);

        var result = run(bo, "/broken");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text("text")).contains("/broken").contains("answered 500");
    }

    @Test
    void aRedirectIsNotFollowedAndTheCommandFails() throws Exception {
        register("hop", receiver.url("/hop"));
        receiver.answer = r -> r.path().equals("/hop")
                ? new Answer(302, "text/plain", "", Map.of("Location", receiver.url("/elsewhere")))
                : Answer.json("{\"response_type\": \"in_channel\", \"text\": \"followed\"}");

        var result = run(bo, "/hop");

        assertThat(result.text("response_type")).isEqualTo("ephemeral");
        assertThat(result.text("text")).contains("302").contains("redirects are not followed");
        assertThat(receiver.next(1).path()).isEqualTo("/hop");
        assertThat(receiver.drain()).as("nothing went to the redirect's target").isEmpty();
    }

    @Test
    void aDelayedInChannelReplyPostsAsTheBotAndAnEphemeralOneReachesOnlyTheCaller() throws Exception {
        var created = register("later", receiver.url("/later"));
        var botId = created.at("/command/bot_id").asText();
        receiver.answer = r -> Answer.status(200); // an empty answer: nothing now
        assertThat(run(bo, "/later").json().has("text")).isFalse();
        var responseUrl = receiver.next(5).form().get("response_url");
        var path = responseUrl.substring(server.url().length());

        var posted = server.anonymous().post(path, Map.of("response_type", "in_channel", "text", "done, 3 servers"));
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.at("/message/author_id").asText()).isEqualTo(botId);
        assertThat(posted.at("/message/body").asText()).isEqualTo("done, 3 servers");

        try (var boSocket = WsClient.connect(server.url(), bo.token(), workspaceId, null);
                var ariSocket = WsClient.connect(server.url(), ari.token(), workspaceId, null)) {
            // Both sockets are subscribed once each sees a durable sentinel (ephemeral frames before that drop).
            var sentinel = ari.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "sentinel"))
                    .at("/event/cursor").asText();
            assertThat(boSocket.awaitCursor(sentinel, 5_000)).as("the sentinel").isNotNull();
            assertThat(ariSocket.awaitCursor(sentinel, 5_000)).as("the sentinel").isNotNull();

            var note = server.anonymous().post(path, Map.of("text", "psst, only for Bo"));
            assertThat(note.status()).as(note.body()).isEqualTo(200);
            assertThat(note.text("response_type")).isEqualTo("ephemeral");
            var frame = nextOfType(boSocket, "command.ephemeral");
            assertThat(frame.at("/payload/text").asText()).isEqualTo("psst, only for Bo");
            assertThat(frame.at("/payload/trigger").asText()).isEqualTo("later");
            assertThat(frame.at("/user_id").asText()).isEqualTo(bo.id());
            // A sentinel on the same ephemeral path after the note: Ari sees it, and nothing for Bo came before.
            typing(bo, "typing.stopped");
            var seen = new java.util.ArrayList<String>();
            for (var f = ariSocket.next(5_000); ; f = ariSocket.next(5_000)) {
                assertThat(f).as("Ari's socket got the sentinel").isNotNull();
                seen.add(f.at("/type").asText());
                if (f.at("/type").asText().equals("typing.stopped")) {
                    break;
                }
            }
            assertThat(seen).doesNotContain("command.ephemeral");
        }
    }

    private static void typing(TestServer.User who, String type) {
        assertThat(who.api().post("/api/realtime/ephemeral",
                Map.of("workspace_id", workspaceId, "channel_id", channelId, "type", type)).status()).isEqualTo(202);
    }

    private static com.fasterxml.jackson.databind.JsonNode nextOfType(WsClient socket, String type) throws Exception {
        for (var f = socket.next(5_000); f != null; f = socket.next(5_000)) {
            if (f.at("/type").asText().equals(type)) {
                return f;
            }
        }
        throw new AssertionError("no " + type + " frame");
    }

    @Test
    void aResponseUrlExpiresAfterThirtyMinutesAndAfterFiveReplies() throws Exception {
        register("twice", receiver.url("/twice"));
        run(bo, "/twice");
        var path = receiver.next(5).form().get("response_url").substring(server.url().length());
        for (int i = 0; i < 5; i++) {
            assertThat(server.anonymous().post(path, Map.of("text", "reply " + i)).status()).isEqualTo(200);
        }
        var sixth = server.anonymous().post(path, Map.of("text", "one too many"));
        assertThat(sixth.status()).isEqualTo(410);
        assertThat(sixth.error()).contains("5 times");

        run(bo, "/twice");
        var fresh = receiver.next(5).form().get("response_url").substring(server.url().length());
        server.app().database().write(tx -> chat.clickclack.db.Sql.update(tx.connection(),
                "UPDATE command_response_tokens SET expires_at = ? WHERE token_hash = ?",
                Instant.now().minusSeconds(1).toString(),
                chat.clickclack.auth.TokenHash.of(fresh.substring(fresh.lastIndexOf('/') + 1))));
        var expired = server.anonymous().post(fresh, Map.of("text", "too late"));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.error()).contains("expired");

        assertThat(server.anonymous().post("/hooks/commands/ccr_nope", Map.of("text", "x")).status()).isEqualTo(404);
        assertThat(server.anonymous().post(path, Map.of("response_type", "loud", "text", "x")).status()).isEqualTo(400);
    }

    @Test
    void aCallbackToAnAddressTheRulesRefuseFailsAtDeliveryEvenWhenItWasStoredBefore() throws Exception {
        // Stored without the registration check (as if the rules or DNS changed since): delivery checks again.
        server.app().database().write(tx -> RegisteredCommands.register(tx, workspaceId,
                new RegisteredCommands.Registration("inside", "http://127.0.0.2:" + receiver.port() + "/x", "", ""),
                ari.id()));

        var result = run(bo, "/inside");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text("text")).contains("refused by the callback safety rules").contains("loopback");
        assertThat(receiver.drain()).isEmpty();
    }

    @Test
    void registrationRefusesUnsafeUrlsTakenTriggersAndBadInput() {
        assertThat(register("meta", "http://169.254.169.254/latest/meta-data").error()).contains("cloud metadata");
        assertThat(register("lo", "http://127.0.0.2:9/x").error()).contains("loopback");
        assertThat(register("ten", "http://10.1.2.3/x").error()).contains("private");
        assertThat(register("v6", "http://[::1]:80/x").error()).contains("loopback");
        assertThat(register("mapped", "http://[::ffff:192.168.0.1]/x").error()).contains("private");
        assertThat(register("ftp", "ftp://example.com/x").error()).contains("http");
        assertThat(register("help", receiver.url("/h")).status()).isEqualTo(409);
        register("dupe", receiver.url("/d"));
        assertThat(register("/DUPE", receiver.url("/d")).status()).isEqualTo(409);
        assertThat(register("bad trigger", receiver.url("/d")).status()).isEqualTo(400);
        assertThat(bo.api().post("/api/workspaces/" + workspaceId + "/commands",
                Map.of("trigger", "mine", "url", receiver.url("/m"))).status()).isEqualTo(403);
    }

    @Test
    void membersListBuiltinsAndRegisteredCommandsWithDescriptionsButOnlyManagersSeeUrls() {
        register("listed", receiver.url("/listed"));

        var asMember = bo.api().get("/api/workspaces/" + workspaceId + "/commands");
        assertThat(asMember.status()).isEqualTo(200);
        var triggers = new java.util.ArrayList<String>();
        asMember.json().get("commands").forEach(c -> triggers.add(c.get("trigger").asText()));
        assertThat(triggers).contains("shrug", "invite", "leave", "help", "listed");
        var listed = findTrigger(asMember, "listed");
        assertThat(listed.get("description").asText()).isEqualTo("Runs listed");
        assertThat(listed.get("usage_hint").asText()).isEqualTo("[what]");
        assertThat(listed.get("builtin").asBoolean()).isFalse();
        assertThat(listed.has("url")).isFalse();
        assertThat(findTrigger(asMember, "invite").get("builtin").asBoolean()).isTrue();
        assertThat(findTrigger(ari.api().get("/api/workspaces/" + workspaceId + "/commands"), "listed").get("url")
                .asText()).isEqualTo(receiver.url("/listed"));
        assertThat(run(bo, "/help").text("text")).contains("/listed [what] — Runs listed");
    }

    private static com.fasterxml.jackson.databind.JsonNode findTrigger(Api.Response r, String trigger) {
        for (var c : r.json().get("commands")) {
            if (c.get("trigger").asText().equals(trigger)) {
                return c;
            }
        }
        throw new AssertionError("no /" + trigger);
    }

    @Test
    void aRevokedCommandIsGoneAndItsTriggerIsFreeAgain() {
        var id = register("gone", receiver.url("/gone")).at("/command/id").asText();
        var revoked = ari.api().post("/api/commands/" + id + "/revoke", null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.at("/command/revoked_at").asText()).isNotBlank();
        assertThat(run(bo, "/gone").status()).isEqualTo(404);
        assertThat(register("gone", receiver.url("/gone2")).status()).isEqualTo(201);
        assertThat(ari.api().post("/api/commands/" + id + "/rotate-secret", null).status()).isEqualTo(409);
    }

    @Test
    void rotatingTheSecretSignsWithTheNewOne() throws Exception {
        var id = register("spin", receiver.url("/spin")).at("/command/id").asText();
        var rotated = ari.api().post("/api/commands/" + id + "/rotate-secret", null);
        assertThat(rotated.status()).isEqualTo(200);
        run(bo, "/spin");
        assertThat(receiver.next(5).signedWith(rotated.text("secret"))).isTrue();
    }

    @Test
    void inviteAddsSomeoneToThePrivateChannelAndLeaveTakesTheCallerOut() {
        var priv = ari.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", "den", "kind", "private"));
        var privId = priv.at("/channel/id").asText();
        var handle = bo.api().get("/api/me").at("/user/handle").asText();
        assertThat(bo.api().get("/api/channels/" + privId).status()).isEqualTo(404);

        var invited = ari.api().post("/api/commands/execute", Map.of("channel_id", privId, "command", "/invite @" + handle));
        assertThat(invited.status()).as(invited.body()).isEqualTo(200);
        assertThat(invited.at("/event/type").asText()).isEqualTo("channel.member_joined");
        assertThat(bo.api().get("/api/channels/" + privId).status()).isEqualTo(200);

        var left = bo.api().post("/api/commands/execute", Map.of("channel_id", privId, "command", "/leave"));
        assertThat(left.status()).as(left.body()).isEqualTo(200);
        assertThat(left.at("/event/type").asText()).isEqualTo("channel.member_left");
        assertThat(bo.api().get("/api/channels/" + privId).status()).isEqualTo(404);

        assertThat(ari.api().post("/api/commands/execute", Map.of("channel_id", privId, "command", "/invite @nobody-here"))
                .status()).isEqualTo(404);
        assertThat(ari.api().post("/api/commands/execute", Map.of("channel_id", privId, "command", "/invite"))
                .status()).isEqualTo(400);
    }
}
