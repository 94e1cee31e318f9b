package chat.clickclack.realtime;

import chat.clickclack.channels.ChannelMemberStore;
import chat.clickclack.db.Database;
import chat.clickclack.events.Audience;
import chat.clickclack.events.ChannelSeats;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventTypes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is in each private channel, for delivery: loaded from the database the first time a channel is asked
 * about, then kept fresh by the membership events the hub publishes ({@link #observe}, in cursor order).
 *
 * <p>Threading: senders (virtual threads) and the catch-up route ask concurrently; the writer thread observes.
 * A channel's first load runs inside {@link ConcurrentHashMap#computeIfAbsent}, which holds that entry's lock,
 * and {@link #observe} changes entries under the same lock: a load that read the database before a membership
 * change committed finishes before the change is applied to it, and a load that starts after the commit sees
 * the change. Either way the set ends up as committed.
 */
final class SeatCache implements ChannelSeats {
    private final Database db;
    private final ConcurrentHashMap<String, Set<String>> seats = new ConcurrentHashMap<>();

    SeatCache(Database db) {
        this.db = db;
    }

    @Override
    public boolean seated(String channelId, String userId) {
        return seats.computeIfAbsent(channelId, this::load).contains(userId);
    }

    private Set<String> load(String channelId) {
        var set = ConcurrentHashMap.<String>newKeySet();
        set.addAll(db.read(c -> ChannelMemberStore.memberIds(c, channelId)));
        return set;
    }

    /** Applies a committed event's membership change; runs on the publishing thread, in cursor order. */
    void observe(Event event) {
        var type = event.type();
        if (type.equals(EventTypes.MEMBER_REMOVED)) {
            // Rare: a removal from the workspace empties all their seats there; reload everything lazily.
            seats.clear();
            return;
        }
        boolean joined = type.equals(EventTypes.CHANNEL_MEMBER_JOINED);
        if (!joined && !type.equals(EventTypes.CHANNEL_MEMBER_LEFT) && !type.equals(EventTypes.CHANNEL_UPDATED)) {
            return;
        }
        var channelId = event.channelId();
        var audience = event.audience();
        if (channelId == null) {
            return;
        }
        if (type.equals(EventTypes.CHANNEL_UPDATED) || !Audience.CHANNEL_KIND.equals(audience.kind())
                || audience.members().size() != 1) {
            // A public channel's events do not say who (or it changed kind): forget it, reload when asked.
            seats.remove(channelId);
            return;
        }
        var userId = audience.members().iterator().next();
        seats.computeIfPresent(channelId, (id, set) -> {
            if (joined) {
                set.add(userId);
            } else {
                set.remove(userId);
            }
            return set;
        });
    }
}
