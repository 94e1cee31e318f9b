package chat.clickclack.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V9 builds the search index over the messages already there: a database at V7 with channel messages, a
 * reply, a DM message and a deleted message comes out with every live message searchable (and the deleted
 * one not), an index that passes FTS5's own integrity check, and triggers that keep it so afterwards.
 */
class MigrationV9Test {
    @TempDir
    Path dir;

    @Test
    void existingMessagesAreSearchableAfterTheMigrationAndDeletedOnesAreNot() throws Exception {
        var file = dir.resolve("clickclack.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration/sqlite")
                .target("7").load().migrate();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            exec(c, "INSERT INTO users (id, display_name, handle, created_at) VALUES ('usr_1', 'Crab', 'crab', 't')");
            exec(c, "INSERT INTO workspaces (id, name, slug, created_at) VALUES ('wsp_1', 'Reef', 'reef', 't')");
            exec(c, "INSERT INTO channels (id, workspace_id, name, last_seq, created_at) VALUES ('chn_1', 'wsp_1', 'general', 3, 't')");
            exec(c, "INSERT INTO direct_conversations (id, workspace_id, member_key, last_seq, created_at) VALUES ('dm_1', 'wsp_1', 'usr_1', 1, 't')");
            exec(c, """
                    INSERT INTO messages (id, workspace_id, channel_id, direct_conversation_id, author_id, parent_message_id,
                                          thread_root_id, channel_seq, thread_seq, body, created_at, deleted_at)
                    VALUES ('msg_1', 'wsp_1', 'chn_1', NULL, 'usr_1', NULL, 'msg_1', 1, NULL, 'old root about kelp', '2026-01-01', NULL),
                           ('msg_2', 'wsp_1', 'chn_1', NULL, 'usr_1', 'msg_1', 'msg_1', NULL, 1, 'reply at https://x.io', '2026-01-02', NULL),
                           ('msg_3', 'wsp_1', 'chn_1', NULL, 'usr_1', NULL, 'msg_3', 2, NULL, 'kelp that was deleted', '2026-01-03', '2026-01-04'),
                           ('msg_4', 'wsp_1', NULL, 'dm_1', 'usr_1', NULL, 'msg_4', 1, NULL, 'private kelp', '2026-01-05', NULL)""");
        }

        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration/sqlite")
                .target("9").load().migrate();

        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            // newest first: docids count down
            assertThat(strings(c, "SELECT message_id || ':' || coalesce(direct_conversation_id, '-') || ':' || is_reply"
                    + " FROM search_docs ORDER BY docid"))
                    .containsExactly("msg_4:dm_1:0", "msg_2:-:1", "msg_1:-:0");
            assertThat(strings(c, "SELECT scope FROM search_content ORDER BY docid"))
                    .containsExactly("dm1 au1", "ch1 au1 haslink isreply", "ch1 au1");
            assertThat(matches(c, "kelp")).containsExactly("msg_4", "msg_1");
            assertThat(matches(c, "reply")).containsExactly("msg_2");
            exec(c, "INSERT INTO message_search (message_search) VALUES ('integrity-check')");

            exec(c, "UPDATE messages SET body = 'new root about coral' WHERE id = 'msg_1'");
            assertThat(matches(c, "kelp")).containsExactly("msg_4");
            assertThat(matches(c, "coral")).containsExactly("msg_1");
            exec(c, "UPDATE messages SET body = '', deleted_at = 'now' WHERE id = 'msg_4'");
            assertThat(matches(c, "kelp")).isEmpty();
            // a message posted after the migration: the trigger indexes what the view would give, and lands first
            exec(c, """
                    INSERT INTO messages (id, workspace_id, channel_id, author_id, parent_message_id, thread_root_id,
                                          thread_seq, body, created_at)
                    VALUES ('msg_5', 'wsp_1', 'chn_1', 'usr_1', 'msg_1', 'msg_1', 2, 'coral at www.reef.example', '2026-02-01')""");
            assertThat(matches(c, "coral")).containsExactly("msg_5", "msg_1");
            assertThat(strings(c, "SELECT scope FROM search_content ORDER BY docid LIMIT 1"))
                    .containsExactly("ch1 au1 haslink isreply");
            exec(c, "INSERT INTO message_search (message_search) VALUES ('integrity-check')");
        }
    }

    private static List<String> matches(Connection c, String word) throws SQLException {
        return strings(c, "SELECT d.message_id FROM message_search f JOIN search_docs d ON d.docid = f.rowid"
                + " WHERE message_search MATCH 'body : \"" + word + "\"' ORDER BY d.docid");
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        var out = new ArrayList<String>();
        try (var s = c.createStatement(); var rows = s.executeQuery(sql)) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }
}
