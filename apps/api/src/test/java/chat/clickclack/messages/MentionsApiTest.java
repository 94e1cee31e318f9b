package chat.clickclack.messages;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mentions on the real server: parsed at post and edit, served everywhere a message is, counted per reader. */
class MentionsApiTest {
    static TestServer server;
    static TestServer.User alice;
    static TestServer.User bob;
    static TestServer.User outsider;
    static String workspaceId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        alice = server.newUser("Alice");
        bob = server.newUser("Bob");
        outsider = server.newUser("Outsider");
        handle(alice, "alice");
        handle(bob, "bob");
        handle(outsider, "outsider");
        workspaceId = alice.api().post("/api/workspaces", Map.of("name", "Mention Reef")).at("/workspace/id").asText();
        server.join(workspaceId, bob, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void handle(TestServer.User user, String handle) {
        assertThat(user.api().patch("/api/me", Map.of("handle", handle)).status()).isEqualTo(200);
    }

    private static String newChannel(String name) {
        return alice.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", name)).at("/channel/id").asText();
    }

    private static List<String> ids(JsonNode message) {
        assertThat(message.path("mentioned_user_ids").isArray()).as("mentioned_user_ids is always a list").isTrue();
        return StreamSupport.stream(message.path("mentioned_user_ids").spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode channel(TestServer.User user, String channelId) {
        return user.api().get("/api/channels/" + channelId).at("/channel");
    }

    private static long mentions(TestServer.User user, String channelId) {
        return channel(user, channelId).path("mention_count").asLong(-1);
    }

    @Test
    void aPostedMentionIsInTheAnswerTheEventAndThePageAndAnEditChangesIt() throws Exception {
        var channelId = newChannel("mentions");
        try (var socket = WsClient.connect(server.url(), alice.token(), workspaceId, null)) {
            var posted = bob.api().post("/api/channels/" + channelId + "/messages",
                    Map.of("body", "hey @Alice and @nobody, `@bob` is code, mail bob@reef.example; @outsider"));
            assertThat(posted.status()).isEqualTo(201);
            // unknown handles and people outside the workspace are plain text
            assertThat(ids(posted.at("/message"))).containsExactly(alice.id());
            assertThat(posted.at("/message/mentions_channel").asBoolean()).isFalse();
            assertThat(ids(posted.at("/event/payload/message"))).containsExactly(alice.id());
            var id = posted.at("/message/id").asText();

            var event = socket.nextDurable(5_000);
            assertThat(event.path("type").asText()).isEqualTo("message.created");
            assertThat(ids(event.at("/payload/message"))).containsExactly(alice.id());

            var page = alice.api().get("/api/channels/" + channelId + "/messages").at("/messages/0");
            assertThat(ids(page)).containsExactly(alice.id());
            assertThat(ids(alice.api().get("/api/messages/" + id).at("/message"))).containsExactly(alice.id());

            var edited = bob.api().patch("/api/messages/" + id, Map.of("body", "sorry, meant @bob and @alice"));
            assertThat(edited.status()).isEqualTo(200);
            assertThat(ids(edited.at("/message"))).containsExactly(bob.id(), alice.id());
            var updated = socket.nextDurable(5_000);
            assertThat(updated.path("type").asText()).isEqualTo("message.updated");
            assertThat(ids(updated.at("/payload/message"))).containsExactly(bob.id(), alice.id());

            var unmentioned = bob.api().patch("/api/messages/" + id, Map.of("body", "never mind"));
            assertThat(ids(unmentioned.at("/message"))).isEmpty();
            assertThat(ids(alice.api().get("/api/messages/" + id).at("/message"))).isEmpty();
        }
        var plain = bob.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "no one"));
        assertThat(ids(plain.at("/message"))).isEmpty();
    }

    @Test
    void repliesCarryMentionsToo() {
        var channelId = newChannel("reply-mentions");
        var root = alice.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "root")).at("/message/id").asText();
        var reply = bob.api().post("/api/messages/" + root + "/thread/replies", Map.of("body", "@alice look"));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(ids(reply.at("/message"))).containsExactly(alice.id());
        var thread = alice.api().get("/api/messages/" + root + "/thread");
        assertThat(thread.json().findValues("mentioned_user_ids").stream().anyMatch(v -> v.size() == 1)).isTrue();
    }

    @Test
    void mentionCountMovesWithMentionsEditsDeletesAndTheReadPointer() {
        var channelId = newChannel("counting");
        assertThat(mentions(alice, channelId)).isZero();
        bob.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "plain"));
        var first = bob.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "@alice one"));
        bob.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "@alice two"));
        // your own mention of yourself is never news
        alice.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "note to @alice"));
        assertThat(mentions(alice, channelId)).isEqualTo(2);
        assertThat(mentions(bob, channelId)).isZero();
        assertThat(channel(alice, channelId).path("unread_count").asLong()).isEqualTo(3);

        var thirdSeq = first.at("/message/channel_seq").asLong();
        assertThat(alice.api().post("/api/channels/" + channelId + "/read", Map.of("seq", thirdSeq)).status()).isEqualTo(200);
        assertThat(mentions(alice, channelId)).isEqualTo(1);

        // an unread reply that mentions me counts; once I mark the channel read again it does not
        var root = first.at("/message/id").asText();
        bob.api().post("/api/messages/" + root + "/thread/replies", Map.of("body", "@alice in the thread"));
        assertThat(mentions(alice, channelId)).isEqualTo(2);
        var last = channel(alice, channelId).path("last_seq").asLong();
        alice.api().post("/api/channels/" + channelId + "/read", Map.of("seq", last));
        assertThat(mentions(alice, channelId)).isZero();

        // edits add and remove a mention; deleting takes it out
        var later = bob.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "hello")).at("/message/id").asText();
        assertThat(mentions(alice, channelId)).isZero();
        bob.api().patch("/api/messages/" + later, Map.of("body", "hello @alice"));
        assertThat(mentions(alice, channelId)).isEqualTo(1);
        assertThat(bob.api().delete("/api/messages/" + later).status()).isEqualTo(200);
        assertThat(mentions(alice, channelId)).isZero();

        // in the list too, for every channel
        bob.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "@alice again"));
        var listed = alice.api().get("/api/workspaces/" + workspaceId + "/channels").json().path("channels");
        var inList = StreamSupport.stream(listed.spliterator(), false)
                .filter(c -> c.path("id").asText().equals(channelId)).findFirst().orElseThrow();
        assertThat(inList.path("mention_count").asLong()).isEqualTo(1);
        assertThat(listed.findValues("mention_count")).hasSize(listed.size());
    }

    @Test
    void atChannelAndAtHereMentionEveryMemberButTheAuthor() {
        var channelId = newChannel("everyone");
        var posted = bob.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "@channel standup"));
        assertThat(posted.at("/message/mentions_channel").asBoolean()).isTrue();
        assertThat(ids(posted.at("/message"))).isEmpty();
        alice.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "@here too"));
        assertThat(mentions(alice, channelId)).isEqualTo(1);
        assertThat(mentions(bob, channelId)).isEqualTo(1);
        bob.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "```\n@channel\n```"));
        assertThat(mentions(alice, channelId)).isEqualTo(1);
    }
}
