package chat.clickclack.exports;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.db.Sql;
import chat.clickclack.http.Json;
import chat.clickclack.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, export: the documented JSON holds users (with their email), members, channels, DMs, messages in
 * order across pages, threads, reactions and edits; one workspace's export holds nothing of another's; and no
 * secret (session token hashes, invite token hashes) is in it anywhere.
 */
class ExportTest {
    static TestServer server;
    static TestServer.User ada;
    static TestServer.User bo;
    static TestServer.User outsider;
    static String reefId;
    static String generalId;
    static String rootId;
    static String dmId;
    static final List<String> posted = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        ada = server.newUser("Ada Crab");
        bo = server.newUser("Bo Shrimp");
        outsider = server.newUser("Other Eel");
        var reef = ada.api().post("/api/workspaces", Map.of("name", "Export Reef"));
        reefId = reef.at("/workspace/id").asText();
        generalId = reef.at("/channel/id").asText();
        server.join(reefId, bo, "member");
        var other = outsider.api().post("/api/workspaces", Map.of("name", "Elsewhere"));
        outsider.api().post("/api/channels/" + other.at("/channel/id").asText() + "/messages", Map.of("body", "not yours"));

        rootId = ada.api().post("/api/channels/" + generalId + "/messages", Map.of("body", "who is on duty?")).at("/message/id").asText();
        posted.add(rootId);
        posted.add(bo.api().post("/api/messages/" + rootId + "/thread/replies", Map.of("body", "the lobster")).at("/message/id").asText());
        bo.api().post("/api/messages/" + rootId + "/reactions", Map.of("emoji", "🦞"));
        ada.api().post("/api/messages/" + rootId + "/reactions", Map.of("emoji", "🦞"));
        ada.api().patch("/api/messages/" + rootId, Map.of("body", "who is on duty tonight?"));
        // More than a page of messages, so paging has to keep the order.
        for (int i = 0; i < Export.PAGE + 50; i++) {
            posted.add(ada.api().post("/api/channels/" + generalId + "/messages", Map.of("body", "tide " + i)).at("/message/id").asText());
        }
        dmId = ada.api().post("/api/dms", Map.of("workspace_id", reefId, "member_ids", List.of(bo.id()))).at("/conversation/id").asText();
        ada.api().post("/api/dms/" + dmId + "/messages", Map.of("body", "psst"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String export(String workspaceId) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir().resolve("clickclack.db"))) {
            c.setAutoCommit(false);
            var out = new ByteArrayOutputStream();
            Export.write(c, workspaceId, out);
            c.rollback();
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static JsonNode workspace(JsonNode doc, String id) {
        for (var w : doc.path("workspaces")) {
            if (w.path("id").asText().equals(id)) {
                return w;
            }
        }
        throw new AssertionError("no workspace " + id);
    }

    @Test
    void theWholeInstanceWithThreadsReactionsEditsAndDms() throws Exception {
        var text = export(null);
        var doc = Json.MAPPER.readTree(text);
        assertThat(doc.path("format").asText()).isEqualTo("clickclack-export");
        assertThat(doc.path("version").asInt()).isEqualTo(1);
        assertThat(doc.path("users").findValuesAsText("email")).contains(ada.email(), bo.email(), outsider.email());
        assertThat(doc.path("workspaces")).hasSizeGreaterThanOrEqualTo(2);

        var reef = workspace(doc, reefId);
        assertThat(reef.path("members").findValuesAsText("user_id")).containsExactlyInAnyOrder(ada.id(), bo.id());
        var general = reef.path("channels").get(0);
        assertThat(general.path("name").asText()).isEqualTo("general");
        var ids = general.path("messages").findValuesAsText("id");
        assertThat(ids).containsExactlyElementsOf(posted.stream().sorted().toList());
        var root = general.path("messages").get(0);
        assertThat(root.path("body").asText()).isEqualTo("who is on duty tonight?");
        assertThat(root.has("edited_at")).isTrue();
        assertThat(root.path("reactions").get(0).path("emoji").asText()).isEqualTo("🦞");
        assertThat(Json.MAPPER.convertValue(root.path("reactions").get(0).path("user_ids"), List.class))
                .containsExactly(bo.id(), ada.id());
        var reply = general.path("messages").get(1);
        assertThat(reply.path("parent_message_id").asText()).isEqualTo(rootId);
        assertThat(reply.path("thread_seq").asInt()).isEqualTo(1);

        var dm = reef.path("direct_conversations").get(0);
        assertThat(dm.path("id").asText()).isEqualTo(dmId);
        assertThat(Json.MAPPER.convertValue(dm.path("member_ids"), List.class)).containsExactlyInAnyOrder(ada.id(), bo.id());
        assertThat(dm.path("messages").get(0).path("body").asText()).isEqualTo("psst");

        for (var secret : secrets()) {
            assertThat(text).as("no secret in the export").doesNotContain(secret);
        }
        assertThat(text).doesNotContain(ada.token());
    }

    @Test
    void oneWorkspaceHoldsNothingOfAnother() throws Exception {
        var text = export(reefId);
        var doc = Json.MAPPER.readTree(text);
        assertThat(doc.path("workspaces")).hasSize(1);
        assertThat(doc.path("users").findValuesAsText("id")).containsExactlyInAnyOrder(ada.id(), bo.id());
        assertThat(text).doesNotContain("not yours").doesNotContain("Elsewhere").doesNotContain(outsider.email());
    }

    private static List<String> secrets() {
        return server.app().database().read(c -> {
            var all = new ArrayList<String>(Sql.list(c, "SELECT token_hash FROM sessions", r -> r.getString(1)));
            all.addAll(Sql.list(c, "SELECT token_hash FROM invites", r -> r.getString(1)));
            return all;
        });
    }
}
