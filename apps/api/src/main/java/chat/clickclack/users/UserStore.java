package chat.clickclack.users;

import chat.clickclack.db.Sql;
import chat.clickclack.http.Json;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** SQL for users and their identities. */
public final class UserStore {
    private static final String COLUMNS = "id, display_name, handle, avatar_url, created_at";

    private UserStore() {}

    public static User insert(Connection c, String displayName, String handle) throws SQLException {
        var user = new User(Ids.next("usr"), displayName, handle, null, Times.now());
        Sql.update(c, "INSERT INTO users (id, display_name, handle, avatar_url, created_at) VALUES (?, ?, ?, ?, ?)",
                user.id(), user.displayName(), user.handle(), user.avatarUrl(), user.createdAt());
        return user;
    }

    public static void addIdentity(Connection c, String userId, String provider, String subject, String email)
            throws SQLException {
        Sql.update(c, """
                INSERT INTO identities (id, user_id, provider, provider_subject, email, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""",
                Ids.next("idn"), userId, provider, subject, email, Times.now());
    }

    public static Optional<User> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", UserStore::map, id);
    }

    public static Optional<User> byEmail(Connection c, String email) throws SQLException {
        return Sql.one(c, """
                SELECT u.id, u.display_name, u.handle, u.avatar_url, u.created_at
                FROM identities i JOIN users u ON u.id = i.user_id
                WHERE i.provider = 'email' AND i.provider_subject = ?""",
                UserStore::map, email.toLowerCase());
    }

    /** The user's sign-in email, if they have one (the dev user has none). */
    public static Optional<String> emailOf(Connection c, String userId) throws SQLException {
        return Sql.one(c, "SELECT email FROM identities WHERE user_id = ? AND provider = 'email' LIMIT 1",
                row -> row.getString(1), userId);
    }

    public static Map<String, User> byIds(Connection c, Collection<String> ids) throws SQLException {
        var out = new HashMap<String, User>();
        for (var user : Sql.list(c, "SELECT " + COLUMNS + " FROM users WHERE id IN (SELECT value FROM json_each(?))",
                UserStore::map, Json.write(ids))) {
            out.put(user.id(), user);
        }
        return out;
    }

    public static boolean handleTaken(Connection c, String handle, String exceptUserId) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM users WHERE handle = ? AND id <> ?", row -> true, handle, exceptUserId)
                .isPresent();
    }

    public static void update(Connection c, String id, String displayName, String handle) throws SQLException {
        Sql.update(c, "UPDATE users SET display_name = ?, handle = ? WHERE id = ?", displayName, handle, id);
    }

    /** Maps the columns id, display_name, handle, avatar_url, created_at of the current row. */
    public static User map(ResultSet row) throws SQLException {
        return new User(row.getString("id"), row.getString("display_name"), row.getString("handle"),
                row.getString("avatar_url"), row.getString("created_at"));
    }
}
