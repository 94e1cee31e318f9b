package chat.clickclack.threads;

import chat.clickclack.db.Sql;
import chat.clickclack.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQL for thread_state, the per-root summary kept up to date by every reply. */
public final class ThreadStore {
    /** How many distinct recent repliers the summary remembers (the avatars under a root). */
    public static final int LAST_REPLY_AUTHORS = 5;

    private static final TypeReference<List<String>> ID_LIST = new TypeReference<>() {};

    private ThreadStore() {}

    /** Counts a new reply; returns the new state (its reply_count is the reply's thread_seq). */
    public static ThreadState recordReply(Connection c, String rootId, String authorId, String at) throws SQLException {
        var current = get(c, rootId);
        var authors = new ArrayList<String>();
        authors.add(authorId);
        for (var id : current.lastReplyAuthorIds()) {
            if (!id.equals(authorId) && authors.size() < LAST_REPLY_AUTHORS) {
                authors.add(id);
            }
        }
        var next = new ThreadState(rootId, current.replyCount() + 1, at, List.copyOf(authors));
        Sql.update(c, """
                INSERT INTO thread_state (root_message_id, reply_count, last_reply_at, last_reply_author_ids_json)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (root_message_id) DO UPDATE SET reply_count = excluded.reply_count,
                    last_reply_at = excluded.last_reply_at, last_reply_author_ids_json = excluded.last_reply_author_ids_json""",
                rootId, next.replyCount(), at, Json.write(next.lastReplyAuthorIds()));
        return next;
    }

    public static ThreadState get(Connection c, String rootId) throws SQLException {
        return Sql.one(c, "SELECT * FROM thread_state WHERE root_message_id = ?", ThreadStore::map, rootId)
                .orElse(ThreadState.empty(rootId));
    }

    /** States for many roots at once (a timeline page); roots without replies get the empty state. */
    public static Map<String, ThreadState> forRoots(Connection c, Collection<String> rootIds) throws SQLException {
        var out = new HashMap<String, ThreadState>();
        for (var state : Sql.list(c, "SELECT * FROM thread_state WHERE root_message_id IN (SELECT value FROM json_each(?))",
                ThreadStore::map, Json.write(rootIds))) {
            out.put(state.rootMessageId(), state);
        }
        for (var id : rootIds) {
            out.putIfAbsent(id, ThreadState.empty(id));
        }
        return out;
    }

    private static ThreadState map(ResultSet row) throws SQLException {
        try {
            return new ThreadState(row.getString("root_message_id"), row.getLong("reply_count"),
                    row.getString("last_reply_at"),
                    Json.MAPPER.readValue(row.getString("last_reply_author_ids_json"), ID_LIST));
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt last_reply_author_ids_json", e);
        }
    }
}
