package chat.clickclack.reactions;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 2: one member flooding a message with distinct emoji made every reaction event carry the
 * whole list (quadratic log growth). Now distinct emoji are capped and each event carries only its emoji.
 * Issue 9 item 14: summaries name the first reactors.
 */
class ReactionLimitsTest {
    static TestServer server;
    static TestServer.User ari;
    static TestServer.User bo;
    static String channelId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("reaction_emoji_per_message", "5"));
        ari = server.newUser("Ari");
        bo = server.newUser("Bo");
        var created = ari.api().post("/api/workspaces", Map.of("name", "Reef"));
        channelId = created.at("/channel/id").asText();
        server.join(created.at("/workspace/id").asText(), bo, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String newMessage() {
        return ari.api().post("/api/channels/" + channelId + "/messages", Map.of("body", "react to me"))
                .at("/message/id").asText();
    }

    @Test
    void theEmojiPastTheCapIsRefusedWithAConflictAndWritesNothing() {
        var id = newMessage();
        for (int i = 0; i < 5; i++) {
            assertThat(ari.api().post("/api/messages/" + id + "/reactions", Map.of("emoji", ":e" + i + ":")).status())
                    .isEqualTo(201);
        }
        long tail = server.tailCursor();
        var refused = bo.api().post("/api/messages/" + id + "/reactions", Map.of("emoji", ":one_too_many:"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).contains("5 different reactions");
        assertThat(server.tailCursor()).isEqualTo(tail);
        // An emoji already there is still welcome, and freeing a slot makes room for a new one.
        assertThat(bo.api().post("/api/messages/" + id + "/reactions", Map.of("emoji", ":e0:")).status()).isEqualTo(201);
        assertThat(ari.api().delete("/api/messages/" + id + "/reactions/:e4:").status()).isEqualTo(200);
        assertThat(bo.api().post("/api/messages/" + id + "/reactions", Map.of("emoji", ":one_too_many:")).status())
                .isEqualTo(201);
        var reactions = ari.api().get("/api/messages/" + id).at("/message/reactions");
        assertThat(reactions.size()).isEqualTo(5);
    }

    @Test
    void aReactionEventCarriesOnlyTheChangedEmojiSoItsSizeDoesNotGrow() {
        var id = newMessage();
        var sizes = new ArrayList<Integer>();
        for (int i = 0; i < 5; i++) {
            var added = ari.api().post("/api/messages/" + id + "/reactions", Map.of("emoji", ":size" + i + ":"));
            var payload = added.at("/event/payload");
            assertThat(payload.has("reactions")).isFalse();
            assertThat(payload.at("/reaction/emoji").asText()).isEqualTo(":size" + i + ":");
            assertThat(payload.at("/reaction/count").asLong()).isEqualTo(1);
            sizes.add(payload.toString().length());
        }
        assertThat(sizes.getLast()).isEqualTo(sizes.getFirst());
        var removed = ari.api().delete("/api/messages/" + id + "/reactions/:size0:");
        assertThat(removed.at("/event/payload/reaction/count").asLong()).isZero();
        assertThat(removed.at("/event/payload/reaction/reacted_by").size()).isZero();
    }

    @Test
    void summariesNameWhoReactedEarliestFirstCappedAtTen() {
        var id = newMessage();
        bo.api().post("/api/messages/" + id + "/reactions", Map.of("emoji", "🦞"));
        var added = ari.api().post("/api/messages/" + id + "/reactions", Map.of("emoji", "🦞"));
        assertThat(added.at("/reactions/0/reacted_by").findValuesAsText("display_name")).containsExactly("Bo", "Ari");
        assertThat(added.at("/reactions/0/reacted_by/0/id").asText()).isEqualTo(bo.id());
        assertThat(added.at("/event/payload/reaction/reacted_by").findValuesAsText("display_name"))
                .containsExactly("Bo", "Ari");
        for (int i = 0; i < 11; i++) {
            var someone = server.newUser("Crab " + i);
            server.join(ari.api().get("/api/channels/" + channelId).at("/channel/workspace_id").asText(), someone, "member");
            someone.api().post("/api/messages/" + id + "/reactions", Map.of("emoji", "🦞"));
        }
        var page = bo.api().get("/api/channels/" + channelId + "/messages?mode=latest");
        var message = page.json().path("messages").findParents("id").stream()
                .filter(m -> m.path("id").asText().equals(id)).findFirst().orElseThrow();
        var lobster = message.path("reactions").get(0);
        assertThat(lobster.path("count").asLong()).isEqualTo(13);
        assertThat(lobster.path("reacted_by_me").asBoolean()).isTrue();
        assertThat(lobster.path("reacted_by").size()).isEqualTo(10);
        assertThat(lobster.path("reacted_by").get(0).path("display_name").asText()).isEqualTo("Bo");
        assertThat(lobster.path("reacted_by").get(9).path("display_name").asText()).isEqualTo("Crab 7");
    }
}
