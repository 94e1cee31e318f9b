package chat.clickclack.exports;

import chat.clickclack.db.Sql;
import chat.clickclack.http.Json;
import chat.clickclack.ids.Times;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code clickclack export}: the instance, or one workspace, as one documented JSON document (docs/cli.md,
 * "Export format"), written as it is read. Messages are read a page at a time in id order and each page is
 * written before the next is read, so the heap holds one page (and its reactions), however long the history.
 * Secrets stay out: no session or token hashes, no invite or magic-link tokens, no read pointers.
 *
 * <p>Runs on one read transaction, so the document is one consistent moment even while the server writes.
 */
public final class Export {
    public static final String FORMAT = "clickclack-export";
    public static final int VERSION = 1;
    static final int PAGE = 1000;

    /** What was written. */
    public record Summary(int workspaces, int users, long messages) {}

    private final Connection c;
    private final JsonGenerator out;
    private long messages;

    private Export(Connection c, JsonGenerator out) {
        this.c = c;
        this.out = out;
    }

    /** Writes everything, or only {@code workspaceId} (and the users who belong to it) when it is not null. */
    public static Summary write(Connection c, String workspaceId, OutputStream stream) throws IOException, SQLException {
        try (var generator = Json.MAPPER.getFactory().createGenerator(stream)) {
            generator.useDefaultPrettyPrinter();
            return new Export(c, generator).document(workspaceId);
        }
    }

    private Summary document(String only) throws IOException, SQLException {
        var workspaces = rows("SELECT id, name, slug, created_at FROM workspaces"
                + (only == null ? "" : " WHERE id = ?") + " ORDER BY created_at, id", only == null ? List.of() : List.of(only));
        if (only != null && workspaces.isEmpty()) {
            throw new IllegalArgumentException("no workspace " + only + " (see `clickclack admin workspace list`)");
        }
        out.writeStartObject();
        out.writeStringField("format", FORMAT);
        out.writeNumberField("version", VERSION);
        out.writeStringField("exported_at", Times.now());
        out.writeArrayFieldStart("users");
        var users = rows("""
                SELECT u.id, u.display_name, u.handle, u.kind, coalesce(u.avatar_url, '') AS avatar_url, u.created_at,
                       (SELECT i.email FROM identities i WHERE i.user_id = u.id AND i.email IS NOT NULL
                         ORDER BY i.created_at LIMIT 1) AS email
                  FROM users u
                 WHERE ? IS NULL OR u.id IN (SELECT user_id FROM workspace_members WHERE workspace_id = ?)
                 ORDER BY u.created_at, u.id""", java.util.Arrays.asList(only, only));
        for (var user : users) {
            out.writeObject(user);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("workspaces");
        for (var workspace : workspaces) {
            workspace(workspace);
        }
        out.writeEndArray();
        out.writeEndObject();
        return new Summary(workspaces.size(), users.size(), messages);
    }

    private void workspace(Map<String, Object> workspace) throws IOException, SQLException {
        var id = (String) workspace.get("id");
        out.writeStartObject();
        for (var field : workspace.entrySet()) {
            out.writeObjectField(field.getKey(), field.getValue());
        }
        out.writeObjectField("members", rows("""
                SELECT user_id, role, created_at AS joined_at FROM workspace_members
                 WHERE workspace_id = ? ORDER BY created_at, user_id""", List.of(id)));
        out.writeArrayFieldStart("channels");
        for (var channel : rows("""
                SELECT id, name, kind, topic, created_at, archived_at FROM channels
                 WHERE workspace_id = ? ORDER BY created_at, id""", List.of(id))) {
            out.writeStartObject();
            for (var field : channel.entrySet()) {
                out.writeObjectField(field.getKey(), field.getValue());
            }
            messages("channel_id", (String) channel.get("id"));
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("direct_conversations");
        for (var dm : rows("SELECT id, created_at FROM direct_conversations WHERE workspace_id = ? ORDER BY created_at, id",
                List.of(id))) {
            out.writeStartObject();
            out.writeObjectField("id", dm.get("id"));
            out.writeObjectField("created_at", dm.get("created_at"));
            out.writeObjectField("member_ids", rows("SELECT user_id FROM direct_members WHERE conversation_id = ? ORDER BY user_id",
                    List.of(dm.get("id"))).stream().map(r -> r.get("user_id")).toList());
            messages("direct_conversation_id", (String) dm.get("id"));
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** The conversation's messages, roots and replies, in id (time) order, a page at a time. */
    private void messages(String column, String conversationId) throws IOException, SQLException {
        out.writeArrayFieldStart("messages");
        String after = "";
        while (true) {
            var page = rows("""
                    SELECT id, author_id, parent_message_id, channel_seq, thread_seq, body, body_format, created_at,
                           edited_at, deleted_at
                      FROM messages WHERE %s = ? AND id > ? ORDER BY id LIMIT %d""".formatted(column, PAGE),
                    List.of(conversationId, after));
            if (page.isEmpty()) {
                break;
            }
            var reactions = reactions(page);
            for (var message : page) {
                message.put("reactions", reactions.getOrDefault((String) message.get("id"), List.of()));
                out.writeObject(message);
            }
            messages += page.size();
            after = (String) page.getLast().get("id");
            out.flush();
        }
        out.writeEndArray();
    }

    /** For a page of messages: each one's reactions as {emoji, user_ids}, in one query. */
    private Map<String, List<Map<String, Object>>> reactions(List<Map<String, Object>> page)
            throws SQLException, IOException {
        var ids = page.stream().map(m -> m.get("id")).toList();
        var byMessage = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (var row : rows("""
                SELECT message_id, emoji, json_group_array(user_id) AS user_ids FROM
                  (SELECT message_id, emoji, user_id, created_at FROM reactions
                    WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, user_id)
                 GROUP BY message_id, emoji ORDER BY min(created_at)""", List.of(Json.write(ids)))) {
            var reaction = new LinkedHashMap<String, Object>();
            reaction.put("emoji", row.get("emoji"));
            reaction.put("user_ids", Json.MAPPER.readValue((String) row.get("user_ids"), List.class));
            byMessage.computeIfAbsent((String) row.get("message_id"), k -> new ArrayList<>()).add(reaction);
        }
        return byMessage;
    }

    /** Rows as ordered maps, column label to value; null columns are left out, as everywhere in our JSON. */
    private List<Map<String, Object>> rows(String sql, List<?> args) throws SQLException {
        return Sql.list(c, sql, Export::asMap, args.toArray());
    }

    private static Map<String, Object> asMap(ResultSet r) throws SQLException {
        var meta = r.getMetaData();
        var row = new LinkedHashMap<String, Object>();
        for (int col = 1; col <= meta.getColumnCount(); col++) {
            var value = r.getObject(col);
            if (value != null) {
                row.put(meta.getColumnLabel(col), value);
            }
        }
        return row;
    }
}
