package chat.clickclack.channels;

import chat.clickclack.db.Database;
import chat.clickclack.http.ApiException;
import java.util.Set;

/**
 * A member's notification preference in a channel: {@code all} (every message counts as unread),
 * {@code mentions} or {@code muted} (clients show no unread badge, only mentions). Per user, private to them.
 */
public final class NotificationSettings {
    public static final String ALL = "all";
    private static final Set<String> PREFERENCES = Set.of(ALL, "mentions", "muted");

    private final Database db;

    public NotificationSettings(Database db) {
        this.db = db;
    }

    /** The caller's preference; {@code all} when they have not joined the channel. */
    public String get(String userId, String channelId) {
        return db.read(c -> {
            var channel = Channels.visible(c, userId, channelId);
            return ChannelMemberStore.preference(c, channel.id(), userId).orElse(ALL);
        });
    }

    /** Sets the caller's preference; only members of the channel have one to set (409 otherwise). */
    public String set(String userId, String channelId, String preference) {
        if (preference == null) {
            throw new ApiException.Invalid("preference is required");
        }
        if (!PREFERENCES.contains(preference)) {
            throw new ApiException.Invalid("preference must be all, mentions or muted");
        }
        return db.write(tx -> {
            var channel = Channels.visible(tx.connection(), userId, channelId);
            if (!ChannelMemberStore.setPreference(tx.connection(), channel.id(), userId, preference)) {
                throw new ApiException.Conflict("join the channel before changing its notifications");
            }
            return preference;
        });
    }
}
