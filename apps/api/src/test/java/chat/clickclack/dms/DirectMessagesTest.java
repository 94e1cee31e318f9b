package chat.clickclack.dms;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, direct messages over HTTP on the real server: creating (the same member set is the same
 * conversation), listing, hiding and reopening, paging and posting with nonces, and that a workspace member
 * outside the conversation gets 404 on every DM route and on the messages' own routes. Every answer is also
 * checked against openapi.yaml by the test client.
 */
class DirectMessagesTest {
    static TestServer server;
    static TestServer.User a;
    static TestServer.User b;
    static TestServer.User c;
    static TestServer.User stranger;
    static String workspaceId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.newUser("Ada Crab");
        b = server.newUser("Bo Shrimp");
        c = server.newUser("Cy Lobster");
        stranger = server.newUser("Stranger Squid");
        workspaceId = a.api().post("/api/workspaces", Map.of("name", "Tide Pool")).at("/workspace/id").asText();
        server.join(workspaceId, b, "member");
        server.join(workspaceId, c, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String createDm(TestServer.User as, List<String> memberIds) {
        var created = as.api().post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", memberIds));
        assertThat(created.status()).isIn(200, 201);
        return created.at("/conversation/id").asText();
    }

    private static List<String> listed(TestServer.User as) {
        return as.api().get("/api/dms?workspace_id=" + workspaceId).json().path("conversations").findValuesAsText("id")
                .stream().filter(id -> id.startsWith("dm_")).toList();
    }

    @Test
    void theSameMemberSetIsTheSameConversation() {
        var first = a.api().post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", List.of(b.id())));
        var again = a.api().post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", List.of(b.id())));
        var fromB = b.api().post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", List.of(a.id(), b.id())));
        var id = first.at("/conversation/id").asText();
        assertThat(id).startsWith("dm_");
        assertThat(List.of(first.status(), again.status(), fromB.status())).isIn(List.of(201, 200, 200), List.of(200, 200, 200));
        assertThat(again.at("/conversation/id").asText()).isEqualTo(id);
        assertThat(fromB.at("/conversation/id").asText()).isEqualTo(id);
        assertThat(first.json().path("conversation").path("members").findValuesAsText("id"))
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(first.at("/conversation/workspace_id").asText()).isEqualTo(workspaceId);
        assertThat(a.api().get("/api/dms/" + id).at("/conversation/id").asText()).isEqualTo(id);

        // A group is a different member set, so a different conversation; 201 when new.
        var group = a.api().post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", List.of(b.id(), c.id())));
        assertThat(group.status()).isEqualTo(201);
        assertThat(group.at("/conversation/id").asText()).isNotEqualTo(id);
        assertThat(group.json().path("conversation").path("members")).hasSize(3);
    }

    @Test
    void messagesArePagedAndRetriedLikeChannelMessages() {
        var dm = createDm(a, List.of(c.id()));
        var posted = a.api().post("/api/dms/" + dm + "/messages", Map.of("body", "psst", "nonce", "dm-nonce-1"));
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.at("/message/direct_conversation_id").asText()).isEqualTo(dm);
        assertThat(posted.json().path("message").has("channel_id")).isFalse();
        assertThat(posted.at("/message/channel_seq").asLong()).isEqualTo(1);
        assertThat(posted.at("/event/type").asText()).isEqualTo("message.created");
        assertThat(posted.json().path("event").path("channel_id").isMissingNode()).isTrue();

        var retried = a.api().post("/api/dms/" + dm + "/messages", Map.of("body", "psst", "nonce", "dm-nonce-1"));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.at("/message/id").asText()).isEqualTo(posted.at("/message/id").asText());
        assertThat(retried.at("/event/cursor").asText()).isEqualTo(posted.at("/event/cursor").asText());

        var reply = c.api().post("/api/dms/" + dm + "/messages", Map.of("body", "what?"));
        assertThat(reply.at("/message/channel_seq").asLong()).isEqualTo(2);

        var page = c.api().get("/api/dms/" + dm + "/messages").json();
        assertThat(page.path("messages").findValuesAsText("body")).containsExactly("psst", "what?");
        assertThat(page.path("newest_seq").asLong()).isEqualTo(2);
        var older = c.api().get("/api/dms/" + dm + "/messages?before_seq=2&limit=1").json();
        assertThat(older.path("messages").findValuesAsText("body")).containsExactly("psst");
        assertThat(older.path("has_newer").asBoolean()).isTrue();
        assertThat(c.api().get("/api/dms/" + dm + "/messages?after_seq=1").json().path("messages")
                .findValuesAsText("body")).containsExactly("what?");
        assertThat(c.api().get("/api/dms/" + dm).at("/conversation/last_seq").asLong()).isEqualTo(2);
        // Channel timelines do not see it.
        var general = a.api().get("/api/workspaces/" + workspaceId + "/channels").at("/channels/0/id").asText();
        assertThat(a.api().get("/api/channels/" + general + "/messages").json().path("messages").findValuesAsText("body"))
                .doesNotContain("psst", "what?");
        // A nonce used in a DM cannot be reused in a channel.
        var reuse = a.api().post("/api/channels/" + general + "/messages", Map.of("body", "x", "nonce", "dm-nonce-1"));
        assertThat(reuse.status()).isEqualTo(409);
    }

    @Test
    void hidingIsPerMemberAndANewMessageReopensForEveryone() {
        var dm = createDm(b, List.of(c.id()));
        assertThat(listed(b)).contains(dm);
        assertThat(listed(c)).contains(dm);

        var hidden = b.api().delete("/api/dms/" + dm);
        assertThat(hidden.status()).isEqualTo(200);
        assertThat(hidden.json().path("ok").asBoolean()).isTrue();
        assertThat(listed(b)).doesNotContain(dm);
        assertThat(listed(c)).contains(dm);
        assertThat(b.api().get("/api/dms/" + dm).status()).isEqualTo(200); // hidden, not gone

        var opened = b.api().post("/api/dms/" + dm + "/open", null);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.at("/conversation/id").asText()).isEqualTo(dm);
        assertThat(listed(b)).contains(dm);

        b.api().delete("/api/dms/" + dm);
        c.api().delete("/api/dms/" + dm);
        assertThat(listed(b)).doesNotContain(dm);
        assertThat(listed(c)).doesNotContain(dm);
        assertThat(c.api().post("/api/dms/" + dm + "/messages", Map.of("body", "back again")).status()).isEqualTo(201);
        assertThat(listed(b)).contains(dm);
        assertThat(listed(c)).contains(dm);
    }

    @Test
    void aWorkspaceMemberOutsideTheConversationGetsNotFoundEverywhere() {
        var dm = createDm(a, List.of(b.id()));
        var posted = a.api().post("/api/dms/" + dm + "/messages", Map.of("body", "just us"));
        var messageId = posted.at("/message/id").asText();
        var outsider = c.api();
        assertThat(outsider.get("/api/dms/" + dm).status()).isEqualTo(404);
        assertThat(outsider.delete("/api/dms/" + dm).status()).isEqualTo(404);
        assertThat(outsider.post("/api/dms/" + dm + "/open", null).status()).isEqualTo(404);
        assertThat(outsider.get("/api/dms/" + dm + "/messages").status()).isEqualTo(404);
        assertThat(outsider.post("/api/dms/" + dm + "/messages", Map.of("body", "let me in")).status()).isEqualTo(404);
        assertThat(outsider.get("/api/messages/" + messageId).status()).isEqualTo(404);
        assertThat(outsider.patch("/api/messages/" + messageId, Map.of("body", "mine now")).status()).isEqualTo(404);
        assertThat(outsider.delete("/api/messages/" + messageId).status()).isEqualTo(404);
        assertThat(outsider.get("/api/messages/" + messageId + "/thread").status()).isEqualTo(404);
        assertThat(outsider.post("/api/messages/" + messageId + "/thread/replies", Map.of("body", "hi")).status())
                .isEqualTo(404);
        assertThat(outsider.post("/api/messages/" + messageId + "/reactions", Map.of("emoji", "🦀")).status())
                .isEqualTo(404);
        assertThat(listed(c)).doesNotContain(dm);
        // Nothing was written by any of it (the A–B conversation is shared with other tests, so: the last one).
        var bodies = a.api().get("/api/dms/" + dm + "/messages").json().path("messages").findValuesAsText("body");
        assertThat(bodies.getLast()).isEqualTo("just us");
        assertThat(bodies).doesNotContain("let me in", "hi");
        assertThat(a.api().get("/api/messages/" + messageId).json().path("message").path("reactions")).isEmpty();
        // Someone outside the workspace is refused the listing too.
        assertThat(stranger.api().get("/api/dms?workspace_id=" + workspaceId).status()).isEqualTo(403);
        assertThat(stranger.api().get("/api/dms/" + dm).status()).isEqualTo(404);
    }

    @Test
    void membersEditReactAndReplyInTheConversation() {
        var dm = createDm(a, List.of(b.id()));
        var messageId = a.api().post("/api/dms/" + dm + "/messages", Map.of("body", "draft")).at("/message/id").asText();
        var edited = a.api().patch("/api/messages/" + messageId, Map.of("body", "final"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.at("/message/body").asText()).isEqualTo("final");
        assertThat(b.api().patch("/api/messages/" + messageId, Map.of("body", "not yours")).status()).isEqualTo(403);
        assertThat(b.api().post("/api/messages/" + messageId + "/reactions", Map.of("emoji", "🦞")).status()).isEqualTo(201);
        var reply = b.api().post("/api/messages/" + messageId + "/thread/replies", Map.of("body", "in a thread"));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.at("/message/direct_conversation_id").asText()).isEqualTo(dm);
        var thread = a.api().get("/api/messages/" + messageId + "/thread").json();
        assertThat(thread.path("replies").findValuesAsText("body")).containsExactly("in a thread");
        assertThat(thread.at("/thread_state/reply_count").asInt()).isEqualTo(1);
        var deleted = a.api().delete("/api/messages/" + messageId);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.at("/event/type").asText()).isEqualTo("message.deleted");
    }

    @Test
    void unknownIdsAreNotFound() {
        var unknown = "dm_01JD3K8Q2Z9X4M5N6P7R8S9T0V";
        assertThat(a.api().get("/api/dms/" + unknown).status()).isEqualTo(404);
        assertThat(a.api().delete("/api/dms/" + unknown).status()).isEqualTo(404);
        assertThat(a.api().post("/api/dms/" + unknown + "/open", null).status()).isEqualTo(404);
        assertThat(a.api().get("/api/dms/" + unknown + "/messages").status()).isEqualTo(404);
        assertThat(a.api().post("/api/dms/" + unknown + "/messages", Map.of("body", "hello?")).status()).isEqualTo(404);
        assertThat(a.api().get("/api/dms?workspace_id=wsp_01JD3K8Q2Z9X4M5N6P7R8S9T0V").status()).isEqualTo(404);
        var unknownWorkspace = a.api().post("/api/dms", Map.of("workspace_id", "wsp_01JD3K8Q2Z9X4M5N6P7R8S9T0V",
                "member_ids", List.of(b.id())));
        assertThat(unknownWorkspace.status()).isEqualTo(404);
    }
}
