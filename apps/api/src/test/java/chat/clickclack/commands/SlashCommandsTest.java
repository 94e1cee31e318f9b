package chat.clickclack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Built-in slash commands through POST /api/commands/execute, against a real server; effects read back over the API. */
class SlashCommandsTest {
    static TestServer server;
    static TestServer.User ari;
    static TestServer.User outsider;
    static String workspaceId;
    static String channelId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("dev", "false"));
        ari = server.newUser("Ari");
        outsider = server.newUser("Outsider");
        var created = ari.api().post("/api/workspaces", Map.of("name", "Command Reef"));
        workspaceId = created.at("/workspace/id").asText();
        channelId = created.at("/channel/id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static chat.clickclack.testing.Api.Response run(TestServer.User who, String command) {
        return who.api().post("/api/commands/execute", Map.of("channel_id", channelId, "command", command));
    }

    @Test
    void shrugPostsTheTextAndAShrugThatRendersWithItsBackslash() {
        var result = run(ari, "/shrug fine");

        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.text("response_type")).isEqualTo("in_channel");
        assertThat(result.at("/message/body").asText()).isEqualTo("fine ¯\\\\\\_(ツ)\\_/¯");
        assertThat(result.at("/message/author_id").asText()).isEqualTo(ari.id());
        assertThat(result.at("/event/type").asText()).isEqualTo("message.created");
        var newest = ari.api().get("/api/channels/" + channelId + "/messages?mode=latest&limit=1");
        assertThat(newest.at("/messages/0/id").asText()).isEqualTo(result.at("/message/id").asText());
    }

    @Test
    void mePostsTheActionInItalics() {
        var result = run(ari, "/me waves a claw");

        assertThat(result.at("/message/body").asText()).isEqualTo("_waves a claw_");
    }

    @Test
    void topicSetsTheChannelsTopicForEveryone() {
        var result = run(ari, "/topic molting season");

        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.text("response_type")).isEqualTo("in_channel");
        assertThat(result.at("/event/type").asText()).isEqualTo("channel.updated");
        assertThat(ari.api().get("/api/channels/" + channelId).at("/channel/topic").asText()).isEqualTo("molting season");
    }

    @Test
    void statusSetsAPresetOrACustomStatusAndClearsIt() {
        var preset = run(ari, "/status molting");
        assertThat(preset.text("response_type")).isEqualTo("ephemeral");
        assertThat(preset.text("text")).contains("Molting");
        assertThat(ari.api().get("/api/me").at("/user/status/preset").asText()).isEqualTo("molting");

        run(ari, "/status 🦀 shell shopping");
        assertThat(ari.api().get("/api/me").at("/user/status/text").asText()).isEqualTo("shell shopping");

        assertThat(run(ari, "/status clear").text("text")).contains("cleared");
        assertThat(ari.api().get("/api/me").at("/user/status").isMissingNode()).isTrue();
    }

    @Test
    void inAThreadShrugAndMeReplyThereAndTheChannelGetsNoNewRoot() {
        var root = ari.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "thread me"))
                .at("/message/id").asText();
        var newestBefore = ari.api().get("/api/channels/" + channelId + "/messages?mode=latest&limit=1").at("/newest_seq");

        var shrug = ari.api().post("/api/commands/execute",
                Map.of("channel_id", channelId, "thread_root_id", root, "command", "/shrug ok"));
        assertThat(shrug.status()).as(shrug.body()).isEqualTo(200);
        assertThat(shrug.at("/message/thread_root_id").asText()).isEqualTo(root);
        assertThat(shrug.at("/event/type").asText()).isEqualTo("thread.reply_created");
        var reply = shrug.at("/message/id").asText();
        // A reply's id names its thread, as it does for GET /api/messages/{id}/thread.
        var me = ari.api().post("/api/commands/execute",
                Map.of("channel_id", channelId, "thread_root_id", reply, "command", "/me nods"));
        assertThat(me.at("/message/thread_root_id").asText()).isEqualTo(root);

        var thread = ari.api().get("/api/messages/" + root + "/thread");
        assertThat(thread.json().path("replies").findValuesAsText("body")).containsExactly("ok ¯\\\\\\_(ツ)\\_/¯", "_nods_");
        assertThat(ari.api().get("/api/channels/" + channelId + "/messages?mode=latest&limit=1").at("/newest_seq"))
                .as("no new root message").isEqualTo(newestBefore);
    }

    @Test
    void aThreadRootMustBeAVisibleMessageOfTheChannel() {
        var other = ari.api().post("/api/workspaces", Map.of("name", "Elsewhere"));
        var elsewhere = ari.api().post("/api/channels/" + other.at("/channel/id").asText() + "/messages",
                Map.of("body", "far away")).at("/message/id").asText();
        long before = server.tailCursor();

        var wrongChannel = ari.api().post("/api/commands/execute",
                Map.of("channel_id", channelId, "thread_root_id", elsewhere, "command", "/shrug"));
        assertThat(wrongChannel.status()).isEqualTo(400);
        assertThat(wrongChannel.error()).contains("thread_root_id");
        assertThat(ari.api().post("/api/commands/execute",
                Map.of("channel_id", channelId, "thread_root_id", "msg_unknown", "command", "/shrug")).status())
                .isEqualTo(404);
        assertThat(server.tailCursor()).as("nothing written").isEqualTo(before);
    }

    @Test
    void inADirectConversationThePostingAndPersonalCommandsWorkAndChannelOnesAreRefused() {
        var bo = server.newUser("Bo");
        server.join(workspaceId, bo, "member");
        var dmId = ari.api().post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", List.of(bo.id())))
                .at("/conversation/id").asText();
        java.util.function.BiFunction<TestServer.User, Map<String, Object>, chat.clickclack.testing.Api.Response> exec =
                (who, body) -> who.api().post("/api/commands/execute", body);

        var shrug = exec.apply(ari, Map.of("direct_conversation_id", dmId, "command", "/shrug psst"));
        assertThat(shrug.status()).as(shrug.body()).isEqualTo(200);
        assertThat(shrug.at("/message/direct_conversation_id").asText()).isEqualTo(dmId);
        var root = shrug.at("/message/id").asText();
        var me = exec.apply(bo, Map.of("direct_conversation_id", dmId, "thread_root_id", root, "command", "/me grins"));
        assertThat(me.at("/message/thread_root_id").asText()).isEqualTo(root);
        var timeline = bo.api().get("/api/dms/" + dmId + "/messages").json().path("messages");
        assertThat(timeline.size()).as("the reply is in the thread, not the timeline").isEqualTo(1);
        assertThat(timeline.path(0).path("id").asText()).isEqualTo(root);
        assertThat(exec.apply(ari, Map.of("direct_conversation_id", dmId, "command", "/help")).text("response_type"))
                .isEqualTo("ephemeral");

        var inChannel = ari.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "in the channel"))
                .at("/message/id").asText();
        long before = server.tailCursor();
        var topic = exec.apply(ari, Map.of("direct_conversation_id", dmId, "command", "/topic secrets"));
        assertThat(topic.status()).isEqualTo(400);
        assertThat(topic.error()).contains("works in channels");
        assertThat(exec.apply(ari, Map.of("direct_conversation_id", dmId, "command", "/frobnicate")).status())
                .isEqualTo(404);
        assertThat(exec.apply(outsider, Map.of("direct_conversation_id", dmId, "command", "/shrug")).status())
                .as("not theirs: as if it did not exist").isEqualTo(404);
        assertThat(exec.apply(ari, Map.of("direct_conversation_id", dmId, "channel_id", channelId, "command", "/shrug"))
                .status()).isEqualTo(400);
        assertThat(exec.apply(ari, Map.of("direct_conversation_id", dmId, "thread_root_id", inChannel,
                "command", "/shrug")).status()).as("a channel's thread is not the conversation's").isEqualTo(400);
        assertThat(server.tailCursor()).as("nothing written by the refusals").isEqualTo(before);
    }

    @Test
    void helpIsEphemeralAndWritesNothing() {
        long before = server.tailCursor();

        var help = run(ari, "/help");

        assertThat(help.text("response_type")).isEqualTo("ephemeral");
        assertThat(help.text("text")).contains("/shrug", "/me", "/topic", "/status", "/help");
        assertThat(help.at("/message").isMissingNode()).isTrue();
        assertThat(server.tailCursor()).isEqualTo(before);
    }

    @Test
    void aNonMemberCannotRunCommandsInTheChannel() {
        long before = server.tailCursor();

        assertThat(run(outsider, "/help").status()).isEqualTo(403);
        assertThat(run(outsider, "/shrug").status()).isEqualTo(403);
        assertThat(server.tailCursor()).isEqualTo(before);
    }

    @Test
    void aBotTokenNeedsCommandsWrite() {
        var without = ari.api().post("/api/workspaces/" + workspaceId + "/bots", Map.of("name", "Quiet Bot"));
        var with = ari.api().post("/api/workspaces/" + workspaceId + "/bots",
                Map.of("name", "Command Bot", "scopes", List.of("commands:write")));
        var body = Map.of("channel_id", channelId, "command", "/help");

        assertThat(server.bearer(without.at("/bot_token/token").asText()).post("/api/commands/execute", body).status())
                .isEqualTo(403);
        assertThat(server.bearer(with.at("/bot_token/token").asText()).post("/api/commands/execute", body).status())
                .isEqualTo(200);
        var botId = with.at("/bot/id").asText();
        var dmId = ari.api().post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", List.of(botId)))
                .at("/conversation/id").asText();
        var inDm = Map.of("direct_conversation_id", dmId, "command", "/shrug");
        assertThat(server.bearer(with.at("/bot_token/token").asText()).post("/api/commands/execute", inDm).error())
                .as("posting into a conversation needs dms:write too").contains("dms:write");
    }
}
