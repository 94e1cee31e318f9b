package chat.clickclack.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.db.Sql;
import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import chat.clickclack.webhooks.Webhooks;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deleting a workspace on the real server: every row of it goes, from every table (found in sqlite_master, so a
 * table added later is checked too), the other workspace keeps all of its rows, people and their sessions stay,
 * and open sockets of the deleted workspace close with 4002 while the other's keep delivering.
 */
class WorkspaceDeletionTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("allowed_callback_hosts", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A workspace with a row in every table that can hold workspace data, and the ids of all of it. */
    record Reef(String id, String slug, TestServer.User owner, TestServer.User member, Set<String> ids,
            List<java.nio.file.Path> files) {}

    private static Reef populate(String name) {
        var owner = server.newUser("Owner of " + name);
        var member = server.newUser("Member of " + name);
        var created = owner.api().post("/api/workspaces", Map.of("name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.at("/workspace/id").asText();
        var general = created.at("/channel/id").asText();
        server.join(id, member, "member");
        var o = owner.api();
        var m = member.api();
        var side = o.post("/api/workspaces/" + id + "/channels", Map.of("name", "side", "kind", "private"));
        var sideId = side.at("/channel/id").asText();
        ok(o.post("/api/channels/" + sideId + "/members", Map.of("user_id", member.id())));
        var upload = m.upload(id, "kelp.txt", ("kelp notes of " + name).getBytes());
        ok(upload);
        var root = m.post("/api/channels/" + general + "/messages", Map.of("body", "findable kelp in " + name + " @"
                + owner.api().get("/api/me").at("/user/handle").asText(), "upload_ids",
                List.of(upload.at("/upload/id").asText())));
        var rootId = root.at("/message/id").asText();
        ok(o.post("/api/messages/" + rootId + "/thread/replies", Map.of("body", "a reply about kelp")));
        ok(o.post("/api/messages/" + rootId + "/reactions", Map.of("emoji", "crab")));
        ok(o.post("/api/channels/" + general + "/pins", Map.of("message_id", rootId)));
        ok(o.post("/api/channels/" + general + "/read", Map.of("seq", 1)));
        ok(m.patch("/api/channels/" + sideId + "/notification-settings", Map.of("preference", "muted")));
        var gone = m.post("/api/channels/" + sideId + "/messages", Map.of("body", "soon deleted kelp"));
        ok(m.delete("/api/messages/" + gone.at("/message/id").asText()));
        var dm = m.post("/api/dms", Map.of("workspace_id", id, "member_ids", List.of(owner.id())));
        var dmId = dm.at("/conversation/id").asText();
        ok(m.post("/api/dms/" + dmId + "/messages", Map.of("body", "a private kelp word")));
        ok(o.post("/api/dms/" + dmId + "/read", Map.of("seq", 1)));
        ok(o.post("/api/workspaces/" + id + "/invites", Map.of("max_uses", 2)));
        var bot = o.post("/api/workspaces/" + id + "/bots", Map.of("name", "Kelp Bot"));
        ok(bot);
        ok(server.bearer(bot.at("/bot_token/token").asText()).post("/api/channels/" + general + "/messages",
                Map.of("body", "beep kelp")));
        // nothing listens on port 9: the command and the subscription only need to exist
        ok(o.post("/api/workspaces/" + id + "/commands", Map.of("trigger", "kelp", "url", "http://127.0.0.1:9/cmd")));
        ok(o.post("/api/workspaces/" + id + "/event-subscriptions",
                Map.of("url", "http://127.0.0.1:9/events", "event_types", List.of("workspace.ownership_transferred"))));
        var hook = server.app().database().write(tx -> Webhooks.create(tx, general, "Kelp Hook", owner.id()));
        assertThat(hookPost(hook.key(), "{\"text\": \"hooked kelp\"}")).as("a webhook post").isEqualTo(200);
        // everything the workspace owns, by id: whatever row names one of these belongs to it
        var ids = server.app().database().read(c -> {
            var all = new HashSet<String>();
            all.add(id);
            all.addAll(strings(c, "SELECT id FROM channels WHERE workspace_id = ?", id));
            all.addAll(strings(c, "SELECT id FROM messages WHERE workspace_id = ?", id));
            all.addAll(strings(c, "SELECT id FROM direct_conversations WHERE workspace_id = ?", id));
            all.addAll(strings(c, "SELECT id FROM events WHERE workspace_id = ?", id));
            all.addAll(strings(c, "SELECT id FROM invites WHERE workspace_id = ?", id));
            all.addAll(strings(c, "SELECT user_id FROM bots WHERE workspace_id = ?", id));
            all.addAll(strings(c, "SELECT id FROM bot_tokens WHERE workspace_id = ?", id));
            all.addAll(strings(c, "SELECT session_id FROM bot_tokens WHERE workspace_id = ?", id));
            all.addAll(strings(c, "SELECT id FROM incoming_webhooks WHERE workspace_id = ?", id));
            all.addAll(strings(c, "SELECT id FROM slash_commands WHERE workspace_id = ?", id));
            all.addAll(strings(c, "SELECT id FROM event_subscriptions WHERE workspace_id = ?", id));
            return all;
        });
        var files = server.app().database().read(c -> strings(c, "SELECT storage_path FROM uploads WHERE workspace_id = ?",
                id)).stream().map(p -> server.dataDir().resolve("uploads").resolve(p)).toList();
        assertThat(files).isNotEmpty().allMatch(java.nio.file.Files::exists);
        return new Reef(id, created.at("/workspace/slug").asText(), owner, member, ids, files);
    }

    @Test
    void deletingAWorkspaceRemovesEveryRowOfItAndClosesItsSockets() throws Exception {
        var doomed = populate("Doomed Reef");
        var kept = populate("Kept Reef");
        var keptBefore = rowsPerTable(kept.ids());
        assertThat(rowsPerTable(doomed.ids())).as("the doomed workspace has data in every table")
                .containsKeys("workspaces", "workspace_members", "channels", "channel_members", "channel_pins",
                        "channel_reads", "messages", "thread_state", "reactions", "events", "invites",
                        "direct_conversations", "direct_members", "direct_reads", "search_docs", "bots", "bot_tokens",
                        "sessions", "users", "incoming_webhooks", "uploads", "message_attachments", "slash_commands",
                        "event_subscriptions");

        try (var doomedSocket = WsClient.connect(server.url(), doomed.member().token(), doomed.id(), null);
                var keptSocket = WsClient.connect(server.url(), kept.member().token(), kept.id(), null)) {
            // a typo in the confirmation deletes nothing
            assertThat(doomed.owner().api().send("DELETE", "/api/workspaces/" + doomed.id(),
                    Map.of("confirm", "doomed")).status()).isEqualTo(400);
            assertThat(doomed.member().api().send("DELETE", "/api/workspaces/" + doomed.id(),
                    Map.of("confirm", doomed.slug())).status()).as("a member may not").isEqualTo(403);
            assertThat(doomed.member().api().get("/api/workspaces/" + doomed.id()).status()).isEqualTo(200);

            var deleted = doomed.owner().api().send("DELETE", "/api/workspaces/" + doomed.id(),
                    Map.of("confirm", doomed.slug()));

            assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
            assertThat(doomedSocket.awaitClose(3000)).isEqualTo(new WsClient.Closed(4002, "workspace deleted"));
            assertThat(rowsPerTable(doomed.ids())).as("rows naming anything of the deleted workspace").isEmpty();
            assertThat(rowsPerTable(kept.ids())).as("the other workspace is untouched").isEqualTo(keptBefore);
            assertThat(doomed.files()).as("its uploads' files").noneMatch(java.nio.file.Files::exists);
            assertThat(kept.files()).allMatch(java.nio.file.Files::exists);
            List<String> matches = server.app().database().write(tx -> {
                var c = tx.connection();
                // the FTS index holds no tokens of the deleted messages: 'kelp' now matches the kept reef's only
                Sql.update(c, "INSERT INTO message_search (message_search) VALUES ('integrity-check')");
                return strings(c, "SELECT coalesce(d.workspace_id, 'none') FROM message_search f"
                        + " LEFT JOIN search_docs d ON d.docid = f.rowid WHERE message_search MATCH 'kelp'");
            });
            assertThat(matches).isNotEmpty().containsOnly(kept.id());

            // the other workspace's socket still delivers
            assertThat(keptSocket.isClosed()).isFalse();
            var general = kept.owner().api().get("/api/workspaces/" + kept.id() + "/channels").at("/channels/0/id").asText();
            ok(kept.owner().api().post("/api/channels/" + general + "/messages", Map.of("body", "still here")));
            assertThat(keptSocket.nextDurable(3000).path("type").asText()).isEqualTo("message.created");
        }

        // people stay, signed in, and the workspace is gone for them
        assertThat(doomed.owner().api().get("/api/me").status()).isEqualTo(200);
        assertThat(doomed.member().api().get("/api/workspaces").body()).doesNotContain(doomed.id());
        assertThat(doomed.member().api().get("/api/workspaces/" + doomed.id()).status()).isEqualTo(404);
        assertThat(WsClient.refusedStatus(server.url(), doomed.member().token(), "?workspace_id=" + doomed.id()))
                .isEqualTo(404);
        assertThat(doomed.owner().api().post("/api/workspaces", Map.of("name", "Doomed Reef")).at("/workspace/slug")
                .asText()).as("the slug is free again").isEqualTo(doomed.slug());
    }

    /**
     * For each table (but the FTS index's own), how many rows have a text column holding one of the ids: a table
     * with a workspace_id, channel_id, message_id, user_id … column is covered without being named here.
     */
    private static Map<String, Long> rowsPerTable(Set<String> ids) {
        return server.app().database().read(c -> {
            var counts = new LinkedHashMap<String, Long>();
            var json = chat.clickclack.http.Json.write(ids);
            for (var table : strings(c, """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                       AND name NOT LIKE 'message_search%' AND name NOT LIKE 'flyway%' ORDER BY name""")) {
                var conditions = new ArrayList<String>();
                for (var column : strings(c, "SELECT name FROM pragma_table_info(?) WHERE type = 'TEXT'", table)) {
                    conditions.add("\"" + column + "\" IN (SELECT value FROM json_each(?1))");
                }
                if (conditions.isEmpty()) {
                    continue;
                }
                long n = Sql.longValue(c, "SELECT count(*) FROM \"" + table + "\" WHERE " + String.join(" OR ", conditions),
                        json);
                if (n > 0) {
                    counts.put(table, n);
                }
            }
            return counts;
        });
    }

    /** Mattermost's answer is the text "ok", not JSON, so this goes around the test client. */
    private static int hookPost(String key, String json) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/hooks/" + key))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
        return Sql.list(c, sql, row -> row.getString(1), args);
    }

    private static void ok(chat.clickclack.testing.Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }
}
