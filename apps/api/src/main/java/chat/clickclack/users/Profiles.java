package chat.clickclack.users;

import chat.clickclack.db.Database;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventStore.NewEvent;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.DisplayText;
import chat.clickclack.workspaces.WorkspaceStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Pattern;

/** Creating people and editing their profile: names, handles, the email identity. */
public final class Profiles {
    /**
     * The durable event of a profile change. It lives here rather than in {@code events.EventTypes} only while
     * that file is being reworked on another branch; its meaning is the same as the other types.
     */
    public static final String USER_UPDATED = "user.updated";

    /** The changed user and the {@code user.updated} events written, one per workspace the user is in. */
    public record Updated(User user, List<Event> events) {}

    private static final Pattern HANDLE = Pattern.compile("^[a-z0-9_-]{2,32}$");
    /** Handles that are mentions of a whole channel, so nobody can own them. */
    private static final Set<String> RESERVED_HANDLES = Set.of("channel", "here");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final int MAX_NAME_LENGTH = 80;

    private final Database db;
    private final AvatarSource avatars;

    public Profiles(Database db) {
        this(db, (userId, uploadId) -> {
            throw new ApiException.Invalid("avatar uploads are not available here");
        });
    }

    /** With {@code avatars}, PATCH /api/me also takes avatar_upload_id. */
    public Profiles(Database db, AvatarSource avatars) {
        this.db = db;
        this.avatars = avatars;
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

    /**
     * Creates a bot account (kind bot, no email identity): its handle is the one asked for, or one derived
     * from the name; 409 when the asked-for handle is taken.
     */
    public static User createBot(Connection c, String displayName, String handle) throws SQLException {
        var name = requireName(displayName);
        String chosen;
        if (handle == null) {
            chosen = freeHandle(c, name);
        } else {
            chosen = requireHandle(handle);
            if (UserStore.handleTaken(c, chosen, "")) {
                throw new ApiException.Conflict("handle @" + chosen + " is taken");
            }
        }
        return UserStore.insert(c, User.BOT, name, chosen);
    }

    /**
     * Applies a profile change and writes one {@code user.updated} event to every workspace the user belongs to,
     * in the same transaction: events are per workspace, and each workspace's members see the new profile.
     * Everything is validated before the write, so a bad field changes nothing.
     */
    public Updated update(String userId, ProfileChange change) {
        if (change.isEmpty()) {
            throw new ApiException.Invalid("nothing to update: send display_name, handle, avatar_url (or avatar_upload_id) and/or status");
        }
        var name = change.displayName() == null ? null : requireName(change.displayName());
        var handle = change.handle() == null ? null : requireHandle(change.handle());
        if (change.avatarUrl() != null && change.avatarUploadId() != null) {
            throw new ApiException.Invalid("send avatar_url or avatar_upload_id, not both");
        }
        // An uploaded avatar is made (cropped, scaled, written to disk) before the write, off the single writer.
        var avatar = change.avatarUploadId() != null ? avatars.prepare(userId, change.avatarUploadId())
                : change.avatarUrl() == null ? null : AvatarUrls.require(change.avatarUrl());
        var status = change.status() == null || change.clearsStatus() ? null
                : StatusInput.parse(change.status(), Instant.now());
        return db.write(tx -> {
            var c = tx.connection();
            var current = UserStore.byId(c, userId).orElseThrow(() -> new ApiException.NotFound("user"));
            var newHandle = handle == null ? current.handle() : handle;
            if (UserStore.handleTaken(c, newHandle, userId)) {
                throw new ApiException.Conflict("handle @" + newHandle + " is taken");
            }
            var newStatus = change.status() == null ? current.status() : status;
            UserStore.update(c, userId, name == null ? current.displayName() : name, newHandle,
                    avatar == null ? current.avatarUrl() : avatar, newStatus);
            if (change.avatarUploadId() != null || change.avatarUrl() != null) {
                // The upload an avatar was made from is kept (never swept) while a user points at it.
                UserStore.setAvatarUpload(c, userId, change.avatarUploadId());
            }
            var user = UserStore.byId(c, userId).orElseThrow();
            var events = new ArrayList<Event>();
            for (var workspaceId : WorkspaceStore.workspaceIdsOf(c, userId)) {
                events.add(EventStore.append(tx, new NewEvent(USER_UPDATED, workspaceId, null, null, userId,
                        Map.of("user_id", userId, "user", user))));
            }
            return new Updated(user, events);
        });
    }

    /**
     * Sets or clears (null) the caller's status, as {@code PATCH /api/me {status}} does: for the {@code /status}
     * slash command.
     */
    public Updated setStatus(String userId, com.fasterxml.jackson.databind.JsonNode status) {
        return update(userId, new ProfileChange(null, null, null, null,
                status == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : status));
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
            throw new ApiException.Invalid("handle must be 2-32 characters: lowercase letters, digits, '_' or '-'");
        }
        if (RESERVED_HANDLES.contains(normalized)) {
            throw new ApiException.Invalid("@" + normalized + " is reserved: it mentions everyone in the channel");
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
        var base = displayName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
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
