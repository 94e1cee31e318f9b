package chat.clickclack.imports;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.db.Sql;
import chat.clickclack.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, {@code import slack} on an export the test builds in Slack's format: users matched by email (an
 * existing account is reused) or created, channels with their topic, an archived one, messages dated as in
 * Slack with a thread, reactions mapped to emoji, an edit, a file link, joins skipped. Run twice, the second
 * run adds nothing: no message, no reaction, no event.
 */
class SlackImportTest {
    @TempDir
    Path dir;

    private Path export() throws IOException {
        var zip = dir.resolve("slack-export.zip");
        var files = Map.of(
                "users.json", """
                        [{"id": "U1", "name": "ada", "is_owner": true, "profile": {"real_name": "Ada Crab", "email": "ada@reef.example"}},
                         {"id": "U2", "name": "bo", "profile": {"real_name": "Bo Shrimp", "email": "bo@reef.example"}},
                         {"id": "U3", "name": "deploybot", "is_bot": true, "profile": {"real_name": "Deploy Bot"}}]""",
                "channels.json", """
                        [{"id": "C1", "name": "general", "topic": {"value": "all hands"}},
                         {"id": "C2", "name": "kelp-farm", "topic": {"value": "growing things"}, "members": ["U2", "U3"]},
                         {"id": "C3", "name": "old-reef", "is_archived": true}]""",
                "general/2024-03-01.json", """
                        [{"type": "message", "subtype": "channel_join", "user": "U2", "text": "<@U2> has joined", "ts": "1709280000.000100"},
                         {"type": "message", "user": "U1", "text": "who is on duty tonight?", "ts": "1709280001.000200",
                          "thread_ts": "1709280001.000200", "reply_count": 2,
                          "reactions": [{"name": "eyes", "users": ["U2"], "count": 1}, {"name": "lobster", "users": ["U1", "U2"], "count": 2}]},
                         {"type": "message", "user": "U2", "text": "the lobster", "ts": "1709280005.000300", "thread_ts": "1709280001.000200"}]""",
                "general/2024-03-02.json", """
                        [{"type": "message", "user": "U2", "text": "me again", "ts": "1709366400.000400", "thread_ts": "1709280001.000200"},
                         {"type": "message", "user": "U1", "text": "shift plan (fixed)", "ts": "1709366500.000500",
                          "edited": {"user": "U1", "ts": "1709366600.000000"},
                          "files": [{"name": "plan.pdf", "url_private": "https://files.slack.com/plan.pdf"}],
                          "reactions": [{"name": "custom_party", "users": ["U2"], "count": 1}]}]""",
                "kelp-farm/2024-03-01.json", """
                        [{"type": "message", "user": "U3", "text": "deployed kelp v2", "ts": "1709280100.000000"}]""",
                "old-reef/2023-01-01.json", """
                        [{"type": "message", "user": "U2", "text": "the old days", "ts": "1672531200.000000"}]""");
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void importsUsersChannelsThreadsReactionsAndIsIdempotent() throws Exception {
        var zip = export();
        try (var server = TestServer.start()) {
            var db = server.app().database();
            var existingAda = server.newUser("Ada From Before");
            db.write(tx -> Sql.update(tx.connection(), "UPDATE identities SET email = 'ada@reef.example', "
                    + "provider_subject = 'ada@reef.example' WHERE user_id = ?", existingAda.id()));

            var first = new SlackImport(db, line -> {}).run(zip, "Imported Reef");
            assertThat(first.users()).isEqualTo(3);
            assertThat(first.channels()).isEqualTo(3);
            assertThat(first.messages()).isEqualTo(4); // 2 roots in #general, 1 in #kelp-farm, 1 in #old-reef
            assertThat(first.replies()).isEqualTo(2);
            assertThat(first.reactions()).isEqualTo(4);
            assertThat(first.skipped()).isEqualTo(1); // the join

            var ada = existingAda.api();
            var workspace = ada.get("/api/workspaces").json().path("workspaces").get(0);
            assertThat(workspace.path("name").asText()).isEqualTo("Imported Reef");
            assertThat(workspace.path("role").asText()).as("Slack's owner owns it: the existing Ada").isEqualTo("owner");
            var channels = ada.get("/api/workspaces/" + workspace.path("id").asText() + "/channels").json().path("channels");
            assertThat(channels.findValuesAsText("name")).containsExactlyInAnyOrder("general", "kelp-farm", "old-reef");
            var general = byName(channels, "general");
            assertThat(byName(channels, "old-reef").has("archived_at")).isTrue();
            assertThat(byName(channels, "kelp-farm").path("topic").asText()).isEqualTo("growing things");
            // Slack's channel members are its members here, besides the importing owner who made it.
            var kelpMembers = ada.get("/api/channels/" + byName(channels, "kelp-farm").path("id").asText() + "/members")
                    .json().path("members").findValuesAsText("display_name");
            assertThat(kelpMembers).containsExactlyInAnyOrder("Ada From Before", "Bo Shrimp", "Deploy Bot");

            var timeline = ada.get("/api/channels/" + general.path("id").asText() + "/messages").json().path("messages");
            assertThat(timeline.findValuesAsText("body")).containsExactly("who is on duty tonight?",
                    "shift plan (fixed)\n📎 [plan.pdf](https://files.slack.com/plan.pdf)");
            var root = timeline.get(0);
            assertThat(root.path("created_at").asText()).startsWith("2024-03-01T08:00:01");
            assertThat(root.path("thread_state").path("reply_count").asInt()).isEqualTo(2);
            assertThat(root.path("reactions").findValuesAsText("emoji")).containsExactly("👀", "🦞");
            assertThat(timeline.get(1).path("edited_at").asText()).startsWith("2024-03-02T08:03:20");
            assertThat(timeline.get(1).path("reactions").findValuesAsText("emoji")).containsExactly(":custom_party:");
            var thread = ada.get("/api/messages/" + root.path("id").asText() + "/thread").json();
            assertThat(thread.path("replies").findValuesAsText("body")).containsExactly("the lobster", "me again");
            assertThat(thread.path("replies").get(0).path("author").path("display_name").asText()).isEqualTo("Bo Shrimp");

            long events = server.tailCursor();
            long messages = db.read(c -> Sql.longValue(c, "SELECT count(*) FROM messages"));
            var second = new SlackImport(db, line -> {}).run(zip, "Imported Reef");
            assertThat(second.messages()).isZero();
            assertThat(second.replies()).isZero();
            assertThat(second.reactions()).isZero();
            long after = db.read(c -> Sql.longValue(c, "SELECT count(*) FROM messages"));
            assertThat(after).isEqualTo(messages);
            assertThat(server.tailCursor()).as("no new event").isEqualTo(events);
        }
    }

    private static JsonNode byName(JsonNode channels, String name) {
        for (var channel : channels) {
            if (channel.path("name").asText().equals(name)) {
                return channel;
            }
        }
        throw new AssertionError("no #" + name);
    }
}
