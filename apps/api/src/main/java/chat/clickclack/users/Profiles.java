package chat.clickclack.users;

import chat.clickclack.db.Database;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.DisplayText;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Creating people and editing their profile: names, handles, the email identity. */
public final class Profiles {
    private static final Pattern HANDLE = Pattern.compile("^[a-z0-9][a-z0-9_.-]{1,31}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final int MAX_NAME_LENGTH = 80;

    private final Database db;

    public Profiles(Database db) {
        this.db = db;
    }

    /** Creates a user with an email identity, or returns the existing user with that email. */
    public static User findOrCreate(Connection c, String displayName, String email) throws SQLException {
        var normalized = requireEmail(email);
        var existing = UserStore.byEmail(c, normalized);
        if (existing.isPresent()) {
            return existing.get();
        }
        var name = requireName(displayName);
        var user = UserStore.insert(c, name, freeHandle(c, name));
        UserStore.addIdentity(c, user.id(), "email", normalized, normalized);
        return user;
    }

    /** Updates the caller's display name and/or handle. */
    public User update(String userId, String displayName, String handle) {
        if (displayName == null && handle == null) {
            throw new ApiException.Invalid("nothing to update: send display_name and/or handle");
        }
        return db.write(tx -> {
            var c = tx.connection();
            var current = UserStore.byId(c, userId).orElseThrow(() -> new ApiException.NotFound("user"));
            var name = displayName == null ? current.displayName() : requireName(displayName);
            var newHandle = handle == null ? current.handle() : requireHandle(handle);
            if (UserStore.handleTaken(c, newHandle, userId)) {
                throw new ApiException.Conflict("handle @" + newHandle + " is taken");
            }
            UserStore.update(c, userId, name, newHandle);
            return UserStore.byId(c, userId).orElseThrow();
        });
    }

    public User get(String userId) {
        return db.read(c -> UserStore.byId(c, userId)).orElseThrow(() -> new ApiException.NotFound("user"));
    }

    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new ApiException.Invalid("display_name must not be empty");
        }
        var trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new ApiException.Invalid("display_name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return DisplayText.require("display_name", trimmed);
    }

    static String requireHandle(String handle) {
        var normalized = handle.strip().toLowerCase(Locale.ROOT);
        if (normalized.startsWith("@")) {
            normalized = normalized.substring(1);
        }
        if (!HANDLE.matcher(normalized).matches()) {
            throw new ApiException.Invalid("handle must be 2-32 characters: letters, digits, '.', '_' or '-'");
        }
        return normalized;
    }

    public static String requireEmail(String email) {
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            throw new ApiException.Invalid("a valid email address is required");
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** A handle derived from the display name, made unique with a number if needed. */
    private static String freeHandle(Connection c, String displayName) throws SQLException {
        var base = displayName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.+|\\.+$", "");
        if (base.length() < 2) {
            base = "user";
        }
        base = base.length() > 28 ? base.substring(0, 28) : base;
        var candidate = base;
        for (int n = 2; UserStore.handleTaken(c, candidate, ""); n++) {
            candidate = base + n;
        }
        return candidate;
    }
}
