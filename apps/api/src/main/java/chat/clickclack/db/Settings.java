package chat.clickclack.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Instance-wide facts kept in the {@code settings} table (when the owner was bootstrapped, the event floor, …). */
public final class Settings {
    public static final String BOOTSTRAPPED_AT = "bootstrapped_at";
    public static final String DEV_USER_ID = "dev_user_id";
    public static final String EVENTS_FLOOR = "events_floor";
    /** The URL a running server announced ({@code serve}), for CLI output such as sign-in links. */
    public static final String LISTEN_URL = "listen_url";

    private Settings() {}

    public static Optional<String> get(Connection c, String key) throws SQLException {
        return Sql.one(c, "SELECT value FROM settings WHERE key = ?", row -> row.getString(1), key);
    }

    public static void put(Connection c, String key, String value) throws SQLException {
        Sql.update(c, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                key, value);
    }
}
