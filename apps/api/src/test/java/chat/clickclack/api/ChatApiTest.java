package chat.clickclack.api;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The durable chat API end to end: workspaces, channels, messages, paging, threads, reactions, events. */
class ChatApiTest {
    static TestServer server;
    static TestServer.User owner;
    static TestServer.User member;
    static String workspaceId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        owner = server.newUser("Olive Owner");
        member = server.newUser("Max Member");
        var created = owner.api().post("/api/workspaces", Map.of("name", "Tide Pool"));
        assertThat(created.status()).isEqualTo(201);
        workspaceId = created.at("/workspace/id").asText();
        server.join(workspaceId, member, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String newChannel(String name) {
        var response = owner.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", name));
        assertThat(response.status()).isEqualTo(201);
        return response.at("/channel/id").asText();
    }

    static JsonNode post(TestServer.User user, String channelId, String body) {
        var response = user.api().post("/api/channels/" + channelId + "/messages", Map.of("body", body));
        assertThat(response.status()).isEqualTo(201);
        return response.json().path("message");
    }

    @Test
    void creatingAWorkspaceMakesTheCallerOwnerWithAGeneralChannel() {
        var response = member.api().post("/api/workspaces", Map.of("name", "Max's Cove"));
        assertThat(response.at("/workspace/role").asText()).isEqualTo("owner");
        assertThat(response.at("/workspace/slug").asText()).isEqualTo("max-s-cove");
        assertThat(response.at("/channel/name").asText()).isEqualTo("general");
        assertThat(response.at("/event/type").asText()).isEqualTo("workspace.created");
        var listed = member.api().get("/api/workspaces").json().path("workspaces");
        assertThat(listed.findValuesAsText("name")).contains("Tide Pool", "Max's Cove");
        var members = owner.api().get("/api/workspaces/" + workspaceId + "/members").json().path("members");
        assertThat(members.findValuesAsText("role")).containsExactlyInAnyOrder("owner", "member");
    }

    @Test
    void channelsAreNormalizedRenamedArchivedAndArchivedChannelsRefusePosts() {
        var channelId = newChannel("#Release Notes");
        var channel = member.api().get("/api/channels/" + channelId).json().path("channel");
        assertThat(channel.path("name").asText()).isEqualTo("release-notes");
        var renamed = member.api().patch("/api/channels/" + channelId, Map.of("name", "releases", "topic", "ship it"));
        assertThat(renamed.at("/channel/name").asText()).isEqualTo("releases");
        assertThat(renamed.at("/event/type").asText()).isEqualTo("channel.updated");
        var archived = member.api().patch("/api/channels/" + channelId, Map.of("archived", true));
        assertThat(archived.at("/channel/archived_at").isMissingNode()).isFalse();
        var refused = member.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "hello?"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).contains("archived");
        var unarchived = member.api().patch("/api/channels/" + channelId, Map.of("archived", false));
        assertThat(unarchived.at("/channel/archived_at").isMissingNode()).isTrue();
        var names = member.api().get("/api/workspaces/" + workspaceId + "/channels").json().path("channels").findValuesAsText("name");
        assertThat(names).contains("general", "releases");
    }

    @Test
    void aPostedMessageComesBackWithItsSequenceAuthorAndEvent() {
        var channelId = newChannel("posting");
        var response = member.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "**bold** claim"));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.at("/message/channel_seq").asLong()).isEqualTo(1);
        assertThat(response.at("/message/author/display_name").asText()).isEqualTo("Max Member");
        assertThat(response.at("/message/thread_root_id").asText()).isEqualTo(response.at("/message/id").asText());
        assertThat(response.at("/event/type").asText()).isEqualTo("message.created");
        assertThat(response.at("/event/seq").asLong()).isEqualTo(1);
        assertThat(response.at("/event/payload/message/body").asText()).isEqualTo("**bold** claim");
    }

    @Test
    void retryingWithTheSameNonceReturnsTheOriginalMessageInsteadOfADuplicate() {
        var channelId = newChannel("nonces");
        var body = Map.of("body", "exactly once", "nonce", "client-42");
        var first = member.api().post("/api/channels/" + channelId + "/messages", body);
        var retry = member.api().post("/api/channels/" + channelId + "/messages", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.at("/message/id").asText()).isEqualTo(first.at("/message/id").asText());
        assertThat(retry.at("/event/cursor").asText()).isEqualTo(first.at("/event/cursor").asText());
        var page = member.api().get("/api/channels/" + channelId + "/messages").json();
        assertThat(page.path("messages")).hasSize(1);
    }

    @Test
    void theTimelinePagesBackwardsForwardsAndAroundASequence() {
        var channelId = newChannel("paging");
        for (int i = 1; i <= 25; i++) {
            post(member, channelId, "m" + i);
        }
        var latest = member.api().get("/api/channels/" + channelId + "/messages?mode=latest&limit=10").json();
        assertThat(seqs(latest)).containsExactly(16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L, 24L, 25L);
        assertThat(latest.path("has_older").asBoolean()).isTrue();
        assertThat(latest.path("has_newer").asBoolean()).isFalse();
        var older = member.api().get("/api/channels/" + channelId + "/messages?before_seq=16&limit=10").json();
        assertThat(seqs(older)).containsExactly(6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
        var oldest = member.api().get("/api/channels/" + channelId + "/messages?before_seq=6&limit=10").json();
        assertThat(seqs(oldest)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(oldest.path("has_older").asBoolean()).isFalse();
        assertThat(oldest.path("has_newer").asBoolean()).isTrue();
        var newer = member.api().get("/api/channels/" + channelId + "/messages?after_seq=20&limit=3").json();
        assertThat(seqs(newer)).containsExactly(21L, 22L, 23L);
        assertThat(newer.path("oldest_seq").asLong()).isEqualTo(21);
        assertThat(newer.path("newest_seq").asLong()).isEqualTo(23);
        var around = member.api().get("/api/channels/" + channelId + "/messages?around_seq=12&limit=5").json();
        assertThat(seqs(around)).containsExactly(10L, 11L, 12L, 13L, 14L);
        var empty = member.api().get("/api/channels/" + channelId + "/messages?after_seq=25").json();
        assertThat(empty.path("messages")).isEmpty();
        assertThat(empty.path("has_newer").asBoolean()).isFalse();
    }

    static List<Long> seqs(JsonNode page) {
        var out = new ArrayList<Long>();
        page.path("messages").forEach(m -> out.add(m.path("channel_seq").asLong()));
        return out;
    }

    @Test
    void authorsEditAndDeleteTheirMessagesAndDeletedBodiesAreNotServed() {
        var channelId = newChannel("edits");
        var message = post(member, channelId, "tpyo");
        var id = message.path("id").asText();
        var edited = member.api().patch("/api/messages/" + id, Map.of("body", "typo"));
        assertThat(edited.at("/message/body").asText()).isEqualTo("typo");
        assertThat(edited.at("/message/edited_at").isMissingNode()).isFalse();
        assertThat(edited.at("/event/type").asText()).isEqualTo("message.updated");
        assertThat(owner.api().patch("/api/messages/" + id, Map.of("body", "not yours")).status()).isEqualTo(403);
        var deleted = member.api().delete("/api/messages/" + id);
        assertThat(deleted.at("/event/type").asText()).isEqualTo("message.deleted");
        assertThat(deleted.at("/message/body").asText()).isEmpty();
        assertThat(deleted.at("/event/payload/message/body").asText()).isEmpty();
        var fetched = member.api().get("/api/messages/" + id).json().path("message");
        assertThat(fetched.path("body").asText()).isEmpty();
        assertThat(fetched.path("deleted_at").isMissingNode()).isFalse();
        var page = member.api().get("/api/channels/" + channelId + "/messages").json();
        assertThat(page.toString()).doesNotContain("typo");
        assertThat(member.api().patch("/api/messages/" + id, Map.of("body", "revive")).status()).isEqualTo(409);
    }

    @Test
    void deletingADeletedMessageAgainAnswersTheSameAndWritesNoEvent() {
        var channelId = newChannel("delete-twice");
        var id = post(member, channelId, "gone soon").path("id").asText();
        var first = member.api().delete("/api/messages/" + id);
        var tail = server.app().database().read(c -> chat.clickclack.db.Sql.one(c, "SELECT max(cursor) FROM events",
                row -> row.getLong(1)).orElseThrow());

        var again = member.api().delete("/api/messages/" + id);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.at("/event/id").asText()).as("the event that first announced it").isEqualTo(first.at("/event/id").asText());
        assertThat(again.at("/message/deleted_at").asText()).isEqualTo(first.at("/message/deleted_at").asText());
        var after = server.app().database().read(c -> chat.clickclack.db.Sql.one(c, "SELECT max(cursor) FROM events",
                row -> row.getLong(1)).orElseThrow());
        assertThat(after).as("no new event").isEqualTo(tail);
        assertThat(owner.api().delete("/api/messages/" + id).status()).as("an admin's retry too").isEqualTo(200);
    }

    @Test
    void pagingAnchorsMayBeZero() {
        var channelId = newChannel("anchors");
        for (int i = 1; i <= 3; i++) {
            post(member, channelId, "m" + i);
        }
        var before = member.api().get("/api/channels/" + channelId + "/messages?before_seq=0").json();
        assertThat(before.path("messages")).isEmpty();
        assertThat(before.path("has_older").asBoolean()).isFalse();
        assertThat(before.path("has_newer").asBoolean()).isTrue();
        var around = member.api().get("/api/channels/" + channelId + "/messages?around_seq=0&limit=2").json();
        assertThat(around.path("messages").findValuesAsText("body")).containsExactly("m1", "m2");
        assertThat(around.path("has_newer").asBoolean()).isTrue();
    }

    @Test
    void workspaceOwnersMayDeleteAnyonesMessage() {
        var channelId = newChannel("moderation");
        var id = post(member, channelId, "spam spam spam").path("id").asText();
        assertThat(owner.api().delete("/api/messages/" + id).status()).isEqualTo(200);
    }

    @Test
    void threadRepliesAreOneLevelDeepAndUpdateTheRootsThreadState() {
        var channelId = newChannel("threads");
        var root = post(owner, channelId, "thread root");
        var rootId = root.path("id").asText();
        var reply = member.api().post("/api/messages/" + rootId + "/thread/replies", Map.of("body", "first reply"));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.at("/message/parent_message_id").asText()).isEqualTo(rootId);
        assertThat(reply.at("/message/thread_seq").asLong()).isEqualTo(1);
        assertThat(reply.at("/message/channel_seq").isMissingNode()).isTrue();
        assertThat(reply.at("/thread_state/reply_count").asLong()).isEqualTo(1);
        assertThat(reply.json().path("events").findValuesAsText("type"))
                .containsExactly("thread.reply_created", "thread.state_updated");
        owner.api().post("/api/messages/" + rootId + "/thread/replies", Map.of("body", "second reply"));

        var nested = member.api().post("/api/messages/" + reply.at("/message/id").asText() + "/thread/replies",
                Map.of("body", "reply to a reply"));
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.error()).contains("one level");

        var thread = member.api().get("/api/messages/" + rootId + "/thread").json();
        assertThat(thread.path("replies").findValuesAsText("body")).containsExactly("first reply", "second reply");
        var firstOnly = member.api().get("/api/messages/" + rootId + "/thread?limit=1").json();
        assertThat(firstOnly.path("replies").findValuesAsText("body")).as("limit is honoured").containsExactly("first reply");
        assertThat(thread.at("/thread_state/reply_count").asLong()).isEqualTo(2);
        assertThat(thread.at("/thread_state/last_reply_author_ids").get(0).asText()).isEqualTo(owner.id());

        var timeline = member.api().get("/api/channels/" + channelId + "/messages").json().path("messages");
        assertThat(timeline).as("the timeline holds roots only").hasSize(1);
        assertThat(timeline.get(0).at("/thread_state/reply_count").asLong()).isEqualTo(2);
    }

    @Test
    void reactionsToggleAndShowWhetherTheReaderReacted() {
        var channelId = newChannel("reactions");
        var id = post(owner, channelId, "react to me").path("id").asText();
        var added = member.api().post("/api/messages/" + id + "/reactions", Map.of("emoji", "🦞"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.at("/event/type").asText()).isEqualTo("reaction.added");
        assertThat(added.at("/reactions/0/reacted_by_me").asBoolean()).isTrue();
        var again = member.api().post("/api/messages/" + id + "/reactions", Map.of("emoji", "🦞"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("event").isMissingNode()).isTrue();
        owner.api().post("/api/messages/" + id + "/reactions", Map.of("emoji", "🦞"));
        var seenByOwner = owner.api().get("/api/messages/" + id).json().path("message").path("reactions");
        assertThat(seenByOwner.get(0).path("count").asLong()).isEqualTo(2);
        var removed = member.api().delete("/api/messages/" + id + "/reactions/%F0%9F%A6%9E");
        assertThat(removed.at("/event/type").asText()).isEqualTo("reaction.removed");
        assertThat(removed.at("/reactions/0/count").asLong()).isEqualTo(1);
        assertThat(removed.at("/reactions/0/reacted_by_me").asBoolean()).isFalse();
        var page = member.api().get("/api/channels/" + channelId + "/messages").json();
        assertThat(page.at("/messages/0/reactions/0/count").asLong()).isEqualTo(1);
    }

    @Test
    void theEventLogReplaysEveryChangeWithIncreasingCursors() {
        var start = owner.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&include_tail=true&limit=1");
        var from = start.text("tail_cursor");
        var channelId = newChannel("log");
        // A public channel's events reach its members: the reader joins (everyone hears of the join).
        assertThat(member.api().post("/api/channels/" + channelId + "/join", null).status()).isEqualTo(200);
        var id = post(owner, channelId, "logged").path("id").asText();
        member.api().post("/api/messages/" + id + "/thread/replies", Map.of("body", "logged reply"));
        member.api().post("/api/messages/" + id + "/reactions", Map.of("emoji", "🐚"));
        var page = member.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&after_cursor=" + from).json();
        var events = page.path("events");
        assertThat(events.findValuesAsText("type")).containsExactly("channel.created", "channel.member_joined",
                "channel.member_joined", "message.created", "thread.reply_created", "thread.state_updated", "reaction.added");
        long previous = Long.parseLong(from);
        for (var event : events) {
            long cursor = Long.parseLong(event.path("cursor").asText());
            assertThat(cursor).isGreaterThan(previous);
            previous = cursor;
        }
        assertThat(page.path("next_cursor").asText()).isEqualTo(Long.toString(previous));
        var paged = member.api().get("/api/realtime/events?workspace_id=" + workspaceId + "&after_cursor=" + from + "&limit=2").json();
        assertThat(paged.path("events")).hasSize(2);
        assertThat(paged.path("has_more").asBoolean()).isTrue();
    }

    @Test
    void membersCanRenameThemselvesAndHandlesAreUnique() {
        var renamed = member.api().patch("/api/me", Map.of("display_name", "Maxine", "handle", "@maxine"));
        assertThat(renamed.at("/user/display_name").asText()).isEqualTo("Maxine");
        assertThat(renamed.at("/user/handle").asText()).isEqualTo("maxine");
        assertThat(owner.api().patch("/api/me", Map.of("handle", "maxine")).status()).isEqualTo(409);
        assertThat(member.api().get("/api/me").at("/user/handle").asText()).isEqualTo("maxine");
    }
}
