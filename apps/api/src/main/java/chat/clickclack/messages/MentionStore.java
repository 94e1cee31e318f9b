package chat.clickclack.messages;

import chat.clickclack.db.Sql;
import chat.clickclack.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;

/** SQL for mentions: which handles are members of a workspace, and the stored form of a message's mentions. */
public final class MentionStore {
    /** Who a message mentions: user ids (in the order the body names them) and whether it said @channel/@here. */
    public record Resolved(List<String> userIds, boolean channelWide) {
        public static final Resolved NONE = new Resolved(List.of(), false);

        public boolean isEmpty() {
            return userIds.isEmpty() && !channelWide;
        }

        /** The {@code mentions_json} column: null when nothing is mentioned, so the partial index skips the row. */
        public String json() {
            return isEmpty() ? null : Json.write(userIds);
        }
    }

    private static final TypeReference<List<String>> IDS = new TypeReference<>() {};

    private MentionStore() {}

    /** The parsed handles that belong to members of the workspace, in one query; unknown handles drop out. */
    public static Resolved resolve(Connection c, String workspaceId, Mentions.Parsed parsed) throws SQLException {
        if (parsed.isEmpty()) {
            return Resolved.NONE;
        }
        if (parsed.handles().isEmpty()) {
            return new Resolved(List.of(), parsed.channelWide());
        }
        var byHandle = new HashMap<String, String>();
        // One statement text for any number of handles (json_each, as elsewhere), so the statement cache holds one.
        for (var row : Sql.list(c, """
                SELECT u.handle, u.id FROM users u
                  JOIN workspace_members m ON m.user_id = u.id AND m.workspace_id = ?
                 WHERE u.handle IN (SELECT value FROM json_each(?))""",
                r -> new String[] {r.getString(1), r.getString(2)}, workspaceId, Json.write(parsed.handles()))) {
            byHandle.put(row[0], row[1]);
        }
        var ids = parsed.handles().stream().filter(byHandle::containsKey).map(byHandle::get).toList();
        return new Resolved(ids, parsed.channelWide());
    }

    public static Resolved read(String json, boolean channelWide) {
        if (json == null) {
            return new Resolved(List.of(), channelWide);
        }
        try {
            return new Resolved(Json.MAPPER.readValue(json, IDS), channelWide);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("messages.mentions_json is not a JSON array of ids: " + json, e);
        }
    }

    public static void save(Connection c, String messageId, Resolved mentions) throws SQLException {
        Sql.update(c, "UPDATE messages SET mentions_json = ?, mentions_channel = ? WHERE id = ?",
                mentions.json(), mentions.channelWide() ? 1 : 0, messageId);
    }
}
