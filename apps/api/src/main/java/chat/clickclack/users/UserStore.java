package chat.clickclack.users;

import chat.clickclack.db.Sql;
import chat.clickclack.http.Json;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** SQL for users and their identities. */
public final class UserStore {
    /**
     * The columns {@link #map} reads, from a query that names the users table {@code u}. Aliased, so that a query
     * joining users to other tables (members, a message's author) maps its user with this same method.
     */
    public static final String COLUMNS = """
            u.id AS u_id, u.kind AS u_kind, u.display_name AS u_display_name, u.handle AS u_handle,
            u.avatar_url AS u_avatar_url, u.status_preset AS u_status_preset, u.status_emoji AS u_status_emoji,
            u.status_text AS u_status_text, u.status_expires_at AS u_status_expires_at, u.created_at AS u_created_at""";

    private UserStore() {}

    public static User insert(Connection c, String displayName, String handle) throws SQLException {
        return insert(c, User.HUMAN, displayName, handle);
    }

    /** Inserts a user of the given kind ({@link User#HUMAN} or {@link User#BOT}). */
    public static User insert(Connection c, String kind, String displayName, String handle) throws SQLException {
        var user = new User(Ids.next("usr"), kind, displayName, handle, "", null, Times.now());
        Sql.update(c, "INSERT INTO users (id, kind, display_name, handle, avatar_url, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                user.id(), user.kind(), user.displayName(), user.handle(), user.avatarUrl(), user.createdAt());
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
        return Sql.one(c, "SELECT " + COLUMNS + " FROM users u WHERE u.id = ?", UserStore::map, id);
    }

    public static Optional<User> byEmail(Connection c, String email) throws SQLException {
        return Sql.one(c, """
                SELECT %s
                FROM identities i JOIN users u ON u.id = i.user_id
                WHERE i.provider = 'email' AND i.provider_subject = ?""".formatted(COLUMNS),
                UserStore::map, email.toLowerCase());
    }

    /** The user's sign-in email, if they have one (the dev user has none). */
    public static Optional<String> emailOf(Connection c, String userId) throws SQLException {
        return Sql.one(c, "SELECT email FROM identities WHERE user_id = ? AND provider = 'email' LIMIT 1",
                row -> row.getString(1), userId);
    }

    public static Map<String, User> byIds(Connection c, Collection<String> ids) throws SQLException {
        var out = new HashMap<String, User>();
        for (var user : Sql.list(c, "SELECT " + COLUMNS + " FROM users u WHERE u.id IN (SELECT value FROM json_each(?))",
                UserStore::map, Json.write(ids))) {
            out.put(user.id(), user);
        }
        return out;
    }

    public static boolean handleTaken(Connection c, String handle, String exceptUserId) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM users WHERE handle = ? AND id <> ?", row -> true, handle, exceptUserId)
                .isPresent();
    }

    /** Writes the profile fields; a null status clears it. */
    /** The upload the user's avatar was made from (null: a URL avatar, or none); 404 when the upload is gone. */
    static void setAvatarUpload(Connection c, String id, String uploadId) throws SQLException {
        if (uploadId != null && Sql.longValue(c, "SELECT count(*) FROM uploads WHERE id = ?", uploadId) == 0) {
            throw new chat.clickclack.http.ApiException.NotFound("upload");
        }
        Sql.update(c, "UPDATE users SET avatar_upload_id = ? WHERE id = ?", uploadId, id);
    }

    public static void update(Connection c, String id, String displayName, String handle, String avatarUrl,
            UserStatus status) throws SQLException {
        Sql.update(c, """
                UPDATE users SET display_name = ?, handle = ?, avatar_url = ?,
                       status_preset = ?, status_emoji = ?, status_text = ?, status_expires_at = ?
                 WHERE id = ?""",
                displayName, handle, avatarUrl,
                status == null ? null : status.preset(), status == null ? null : status.emoji(),
                status == null ? null : status.text(), status == null ? null : status.expiresAt(), id);
    }

    /** Maps the {@link #COLUMNS} of the current row; an expired status is left out here, at read time. */
    public static User map(ResultSet row) throws SQLException {
        var preset = row.getString("u_status_preset");
        var status = preset == null ? null : new UserStatus(preset, row.getString("u_status_emoji"),
                row.getString("u_status_text"), row.getString("u_status_expires_at"));
        var avatar = row.getString("u_avatar_url");
        return new User(row.getString("u_id"), row.getString("u_kind"), row.getString("u_display_name"),
                row.getString("u_handle"), avatar == null ? "" : avatar,
                status != null && status.shownAt(Instant.now()) ? status : null, row.getString("u_created_at"));
    }
}
