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
 * V6 rebuilds the messages table (channel_id loses NOT NULL for direct messages). A database with channel
 * messages, a reply, a reaction and a thread summary at V5 keeps every row and every reference through it,
 * and keeps refusing what it refused before (a duplicate channel_seq, a reused nonce).
 */
class MigrationV6Test {
    @TempDir
    Path dir;

    @Test
    void existingMessagesAndTheirReferencesSurviveTheRebuild() throws Exception {
        var file = dir.resolve("clickclack.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration/sqlite")
                .target("5").load().migrate();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            exec(c, "INSERT INTO users (id, display_name, handle, created_at) VALUES ('usr_1', 'Crab', 'crab', 't')");
            exec(c, "INSERT INTO workspaces (id, name, slug, created_at) VALUES ('wsp_1', 'Reef', 'reef', 't')");
            exec(c, "INSERT INTO channels (id, workspace_id, name, last_seq, created_at) VALUES ('chn_1', 'wsp_1', 'general', 1, 't')");
            exec(c, """
                    INSERT INTO messages (id, workspace_id, channel_id, author_id, parent_message_id, thread_root_id,
                                          channel_seq, thread_seq, body, nonce, created_at)
                    VALUES ('msg_1', 'wsp_1', 'chn_1', 'usr_1', NULL, 'msg_1', 1, NULL, 'root', 'n-1', 't'),
                           ('msg_2', 'wsp_1', 'chn_1', 'usr_1', 'msg_1', 'msg_1', NULL, 1, 'reply', NULL, 't')""");
            exec(c, "INSERT INTO reactions (message_id, user_id, emoji, created_at) VALUES ('msg_1', 'usr_1', 'crab', 't')");
            exec(c, "INSERT INTO thread_state (root_message_id, reply_count) VALUES ('msg_1', 1)");
        }

        // V6 alone: later migrations (V7 mentions, …) change the same table and are not what this pins.
        var applied = Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null)
                .locations("classpath:db/migration/sqlite").target("6").load().migrate();
        assertThat(applied.migrationsExecuted).isEqualTo(1);

        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(strings(c, "SELECT id || ':' || body || ':' || coalesce(channel_id, '-') || ':'"
                    + " || coalesce(direct_conversation_id, '-') FROM messages ORDER BY id"))
                    .containsExactly("msg_1:root:chn_1:-", "msg_2:reply:chn_1:-");
            assertThat(strings(c, "SELECT message_id FROM reactions")).containsExactly("msg_1");
            assertThat(strings(c, "SELECT root_message_id FROM thread_state")).containsExactly("msg_1");
            assertThat(strings(c, "PRAGMA foreign_key_check")).isEmpty();
            assertThat(strings(c, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages'"
                    + " AND name LIKE 'messages_%' ORDER BY name")).containsExactly("messages_author_nonce",
                    "messages_channel_seq", "messages_dm_seq", "messages_thread_seq");
            assertThat(refused(c, """
                    INSERT INTO messages (id, workspace_id, channel_id, author_id, thread_root_id, channel_seq, body,
                                          created_at) VALUES ('msg_3', 'wsp_1', 'chn_1', 'usr_1', 'msg_3', 1, 'dup', 't')""")).isTrue();
            assertThat(refused(c, """
                    INSERT INTO messages (id, workspace_id, channel_id, author_id, thread_root_id, channel_seq, body,
                                          nonce, created_at) VALUES ('msg_4', 'wsp_1', 'chn_1', 'usr_1', 'msg_4', 2, 'x', 'n-1', 't')""")).isTrue();
            // neither a channel nor a conversation: the CHECK refuses it
            assertThat(refused(c, """
                    INSERT INTO messages (id, workspace_id, author_id, thread_root_id, channel_seq, body, created_at)
                    VALUES ('msg_5', 'wsp_1', 'usr_1', 'msg_5', 2, 'nowhere', 't')""")).isTrue();
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static boolean refused(Connection c, String sql) {
        try {
            exec(c, sql);
            return false;
        } catch (SQLException e) {
            return true;
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
