package chat.clickclack.events;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may see a durable event. Stored with the event ({@code audience_kind}, {@code audience_id},
 * {@code audience_members}) in the same transaction, and checked by {@link #admits} on every path that
 * shows events: live WebSocket delivery, replay by cursor from memory or the database, and the HTTP catch-up.
 *
 * <p>Kinds: {@code workspace} (every member; the id is null), {@code user} (that one user) and {@code dm}
 * (the members of a direct conversation; the id is the conversation's). A DM's member set never changes
 * after it is created (the same set of people is the same conversation), so the event carries the set and
 * {@link #admits} is a lookup in it: no database read per delivery, no cache to keep fresh.
 *
 * <p>{@code channel} (the members of a private channel; the id is the channel's): membership changes over
 * time, so the event does not freeze it; {@link #admits(String, ChannelSeats)} asks who is in the channel
 * at delivery time. {@code members} then holds only the person a membership event is about, so someone who
 * leaves (or is removed) still hears of it on their other sessions.
 *
 * <p>{@code public_channel} (what happens inside a public channel: messages, threads, reactions, pins; the
 * id is the channel's): the channel's members at delivery time, like {@code channel}, and also a socket that
 * is <em>looking at</em> the channel without having joined it (a preview, see {@link #admits(String,
 * ChannelSeats, String)}). A private channel's events never admit viewers: a socket may only look at a
 * channel it could read, and a private one is readable by its members alone. Events stored before this kind
 * existed kept the workspace audience they were written with.
 *
 * <p>{@code workspace_except_guests} (a public channel's own events: created, updated, member joined/left;
 * the id is the workspace's): every member but the guests at delivery time, and {@code members} besides.
 */
public record Audience(String kind, String id, Set<String> members) {
    public static final String WORKSPACE_KIND = "workspace";
    public static final String USER_KIND = "user";
    public static final String DM_KIND = "dm";
    public static final String CHANNEL_KIND = "channel";
    public static final String PUBLIC_CHANNEL_KIND = "public_channel";
    public static final String EXCEPT_GUESTS_KIND = "workspace_except_guests";

    /** Every member of the event's workspace: what every event was before audiences existed. */
    public static final Audience WORKSPACE = new Audience(WORKSPACE_KIND, null, Set.of());

    public Audience {
        members = Set.copyOf(members);
    }

    public Audience(String kind, String id) {
        this(kind, id, Set.of());
    }

    public static Audience user(String userId) {
        return new Audience(USER_KIND, userId);
    }

    /** The members of direct conversation {@code conversationId}. */
    public static Audience dm(String conversationId, Collection<String> memberIds) {
        return new Audience(DM_KIND, conversationId, new TreeSet<>(memberIds));
    }

    /** The members of private channel {@code channelId} at delivery time, and {@code alsoAdmitted} besides. */
    public static Audience channel(String channelId, Collection<String> alsoAdmitted) {
        return new Audience(CHANNEL_KIND, channelId, new TreeSet<>(alsoAdmitted));
    }

    /** The members of public channel {@code channelId} at delivery time, its viewers, and {@code alsoAdmitted}. */
    public static Audience publicChannel(String channelId, Collection<String> alsoAdmitted) {
        return new Audience(PUBLIC_CHANNEL_KIND, channelId, new TreeSet<>(alsoAdmitted));
    }

    /**
     * Every member of workspace {@code workspaceId} who is not a guest at delivery time, and {@code alsoAdmitted}
     * (a guest a membership event is about): what a public channel's own events (created, updated, joins) go to.
     */
    public static Audience exceptGuests(String workspaceId, Collection<String> alsoAdmitted) {
        return new Audience(EXCEPT_GUESTS_KIND, workspaceId, new TreeSet<>(alsoAdmitted));
    }

    /** Whether the audience is a channel's members (public or private): delivery looks up the channel's seats. */
    public boolean isChannel() {
        return CHANNEL_KIND.equals(kind) || PUBLIC_CHANNEL_KIND.equals(kind);
    }

    /** Reads the stored columns; an unknown kind admits nobody (fail closed). */
    public static Audience of(String kind, String id, String members) {
        if (kind == null || WORKSPACE_KIND.equals(kind)) {
            return WORKSPACE;
        }
        var set = members == null || members.isEmpty() ? Set.<String>of() : Set.of(members.split(","));
        return new Audience(kind, id, set);
    }

    /** The member set as stored: sorted, comma-joined; null when the kind has none. */
    public String membersColumn() {
        return members.isEmpty() ? null : String.join(",", new TreeSet<>(members));
    }

    /**
     * Whether a member of the event's workspace may see it. Callers have already checked workspace
     * membership; this only narrows it. Unknown kinds are refused so a newer event never leaks to an
     * older rule.
     */
    public boolean admits(String userId) {
        return admits(userId, ChannelSeats.NONE);
    }

    /** Like {@link #admits(String)}, asking {@code seats} who is in a private channel now. */
    public boolean admits(String userId, ChannelSeats seats) {
        return admits(userId, seats, null);
    }

    /**
     * Like {@link #admits(String, ChannelSeats)} for a socket looking at public channel {@code viewing} (null:
     * none): that channel's events reach it as if it were a member. The cheap comparisons come first; the
     * seat lookup is one hash probe in the channel's set (see {@code realtime.SeatCache}).
     */
    public boolean admits(String userId, ChannelSeats seats, String viewing) {
        if (this == WORKSPACE || WORKSPACE_KIND.equals(kind)) {
            return true;
        }
        if (EXCEPT_GUESTS_KIND.equals(kind)) {
            return id != null && userId != null && (members.contains(userId) || !seats.guest(id, userId));
        }
        if (PUBLIC_CHANNEL_KIND.equals(kind)) {
            return id != null && userId != null
                    && (id.equals(viewing) || members.contains(userId) || seats.seated(id, userId));
        }
        if (CHANNEL_KIND.equals(kind)) {
            return id != null && userId != null && (members.contains(userId) || seats.seated(id, userId));
        }
        if (DM_KIND.equals(kind)) {
            return id != null && userId != null && members.contains(userId);
        }
        return USER_KIND.equals(kind) && id != null && id.equals(userId);
    }

    @Override
    public String toString() {
        return kind + (id == null ? "" : ":" + id) + (members.isEmpty() ? "" : Arrays.toString(members.toArray()));
    }
}
