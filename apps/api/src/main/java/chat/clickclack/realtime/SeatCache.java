package chat.clickclack.realtime;

import chat.clickclack.channels.ChannelMemberStore;
import chat.clickclack.db.Database;
import chat.clickclack.db.Sql;
import chat.clickclack.events.ChannelSeats;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventTypes;
import chat.clickclack.http.Json;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is in each channel (public and private), for delivery: loaded from the database the first time a
 * channel is asked about, then kept fresh by the membership events the hub publishes ({@link #observe}, in
 * cursor order, before any sender sees the event).
 *
 * <p>Why it is fast: the fan-out asks "is user U in channel C" once per (event, socket) it considers, and
 * the hub walks "who is in channel C" once per event to wake only those sockets. Both are answered from
 * memory — one hash probe, or one iteration over the channel's own set — never by a query on the hot path.
 *
 * <p>Memory: one set per channel that had an event or a reader since start, holding user id strings shared
 * with the rest of the process (5,000 users in 10 channels each: 50,000 entries, a few MiB). Past
 * {@link #MAX_CHANNELS} cached channels the whole cache is dropped and reloads lazily (a crude but safe
 * eviction: a reload is one indexed query per channel, and only channels with traffic come back).
 *
 * <p>Threading: senders (virtual threads) and the catch-up route ask concurrently; the writer thread observes.
 * A channel's first load runs inside {@link ConcurrentHashMap#computeIfAbsent}, which holds that entry's lock,
 * and {@link #observe} changes entries under the same lock: a load that read the database before a membership
 * change committed finishes before the change is applied to it, and a load that starts after the commit sees
 * the change. Either way the set ends up as committed.
 */
final class SeatCache implements ChannelSeats {
    static final int MAX_CHANNELS = 50_000;

    private final Database db;
    private final ConcurrentHashMap<String, Set<String>> seats = new ConcurrentHashMap<>();
    /** The guests of each workspace asked about (few; guests see only the channels they are in). */
    private final ConcurrentHashMap<String, Set<String>> guests = new ConcurrentHashMap<>();

    SeatCache(Database db) {
        this.db = db;
    }

    @Override
    public boolean seated(String channelId, String userId) {
        return members(channelId).contains(userId);
    }

    @Override
    public boolean guest(String workspaceId, String userId) {
        return guests.computeIfAbsent(workspaceId, this::loadGuests).contains(userId);
    }

    private Set<String> loadGuests(String workspaceId) {
        var set = ConcurrentHashMap.<String>newKeySet();
        set.addAll(db.read(c -> Sql.list(c, "SELECT user_id FROM workspace_members WHERE workspace_id = ? AND role = 'guest'",
                row -> row.getString(1), workspaceId)));
        return set;
    }

    /** The live set of the channel's members (loaded if needed); iterate it, never change it. */
    Set<String> members(String channelId) {
        var set = seats.get(channelId);
        if (set != null) {
            return set;
        }
        if (seats.size() >= MAX_CHANNELS) {
            seats.clear();
        }
        return seats.computeIfAbsent(channelId, this::load);
    }

    private Set<String> load(String channelId) {
        var set = ConcurrentHashMap.<String>newKeySet();
        set.addAll(db.read(c -> ChannelMemberStore.memberIds(c, channelId)));
        return set;
    }

    /** Applies a committed event's membership change; runs on the publishing thread, in cursor order. */
    void observe(Event event) {
        var type = event.type();
        if (type.equals(EventTypes.MEMBER_JOINED) || type.equals(EventTypes.MEMBER_UPDATED)
                || type.equals(EventTypes.MEMBER_REMOVED)) {
            observeRole(event);
        }
        boolean joined = type.equals(EventTypes.CHANNEL_MEMBER_JOINED);
        boolean removed = type.equals(EventTypes.MEMBER_REMOVED);
        if (!joined && !removed && !type.equals(EventTypes.CHANNEL_MEMBER_LEFT)) {
            return; // the common case: one string comparison or three per event
        }
        // Membership events are rare next to messages: reading their payload here costs nothing that matters.
        var userId = subject(event);
        if (userId == null) {
            seats.clear(); // cannot tell who: forget everything, reload lazily (never wrong, only slower)
            return;
        }
        if (removed) {
            // Removal from the workspace empties all their seats there.
            for (var channelId : seats.keySet()) {
                seats.computeIfPresent(channelId, (id, set) -> {
                    set.remove(userId);
                    return set;
                });
            }
            return;
        }
        var channelId = event.channelId();
        if (channelId == null) {
            return;
        }
        seats.computeIfPresent(channelId, (id, set) -> {
            if (joined) {
                set.add(userId);
            } else {
                set.remove(userId);
            }
            return set;
        });
    }

    /** A workspace member joined, changed role or left: keep the workspace's guest set (same lock rule). */
    private void observeRole(Event event) {
        String userId;
        String role;
        try {
            var payload = Json.MAPPER.readTree(event.payload());
            userId = payload.path("user_id").asText("");
            role = payload.path("role").asText("");
        } catch (Exception e) {
            guests.remove(event.workspaceId()); // cannot tell: reload when asked
            return;
        }
        boolean guest = role.equals("guest") && !event.type().equals(EventTypes.MEMBER_REMOVED);
        guests.computeIfPresent(event.workspaceId(), (id, set) -> {
            if (guest) {
                set.add(userId);
            } else {
                set.remove(userId);
            }
            return set;
        });
    }

    private static String subject(Event event) {
        try {
            var id = Json.MAPPER.readTree(event.payload()).path("user_id").asText("");
            return id.isEmpty() ? null : id;
        } catch (Exception e) {
            return null;
        }
    }
}
