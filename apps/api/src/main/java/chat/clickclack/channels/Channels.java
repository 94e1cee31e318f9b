package chat.clickclack.channels;

import chat.clickclack.db.Database;
import chat.clickclack.db.Tx;
import chat.clickclack.events.Audience;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventStore.NewEvent;
import chat.clickclack.events.EventTypes;
import chat.clickclack.http.ApiException;
import chat.clickclack.ids.Times;
import chat.clickclack.reads.Reads;
import chat.clickclack.workspaces.Membership;
import chat.clickclack.workspaces.Permission;
import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Channel rules: who may create, rename and archive, and the events each change writes. */
public final class Channels {
    /** A changed channel and the event that announced it. */
    public record Changed(Channel channel, Event event) {}

    /** The default channel every workspace starts with. */
    public static final String GENERAL = "general";

    /** A page of channels; {@code nextCursor} is null on the last page. */
    public record Page(List<Channel> channels, String nextCursor) {}

    public static final int MAX_PAGE = 500;

    private final Database db;
    private final int maxCreatedPerWorkspace;

    /** {@code maxCreatedPerWorkspace}: channels one user may create in one workspace (quota_channels_per_workspace). */
    public Channels(Database db, int maxCreatedPerWorkspace) {
        this.db = db;
        this.maxCreatedPerWorkspace = maxCreatedPerWorkspace;
    }

    /** One page of the channel list, by name; the cursor is opaque to clients. */
    public Page page(String userId, String workspaceId, int limit, String cursor) {
        String after = null;
        if (cursor != null) {
            try {
                after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ApiException.Invalid("cursor is not one this server gave out");
            }
        }
        var from = after;
        var rows = db.read(c -> {
            Membership.require(c, workspaceId, userId);
            var joined = ChannelMemberStore.joinedIn(c, workspaceId, userId);
            return withMembership(c, workspaceId, userId,
                    withJoinedReadState(c, userId, ChannelStore.page(c, workspaceId, userId, from, limit + 1), joined), joined);
        });
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        var shown = rows.subList(0, limit);
        var next = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(shown.getLast().name().getBytes(StandardCharsets.UTF_8));
        return new Page(List.copyOf(shown), next);
    }

    public List<Channel> list(String userId, String workspaceId) {
        return db.read(c -> {
            Membership.require(c, workspaceId, userId);
            var joined = ChannelMemberStore.joinedIn(c, workspaceId, userId);
            return withMembership(c, workspaceId, userId,
                    withJoinedReadState(c, userId, ChannelStore.list(c, workspaceId, userId), joined), joined);
        });
    }

    /**
     * Read state (pointer, unread and mention counts) only for the channels the caller is in: nobody keeps a
     * badge for a channel they have not joined, and counting "everything is unread" in each of a big
     * workspace's other channels made a list cost O(all their messages) per call (the mix's top cost).
     */
    private static List<Channel> withJoinedReadState(Connection c, String userId, List<Channel> channels,
            Map<String, String> joined) throws SQLException {
        var mine = Reads.withReadState(c, userId, channels.stream().filter(ch -> joined.containsKey(ch.id())).toList());
        var byId = new java.util.HashMap<String, Channel>();
        mine.forEach(ch -> byId.put(ch.id(), ch));
        return channels.stream().map(ch -> byId.getOrDefault(ch.id(), ch)).toList();
    }

    public Channel get(String userId, String channelId) {
        return db.read(c -> {
            var channel = Reads.withReadState(c, userId, visible(c, userId, channelId));
            return withMembership(c, channel.workspaceId(), userId, List.of(channel),
                    ChannelMemberStore.joinedIn(c, channel.workspaceId(), userId)).getFirst();
        });
    }

    /** Marks each channel with the caller's membership and its head count (two queries for the list). */
    private static List<Channel> withMembership(Connection c, String workspaceId, String userId, List<Channel> channels,
            Map<String, String> joined) throws SQLException {
        var counts = ChannelMemberStore.counts(c, workspaceId);
        return channels.stream()
                .map(ch -> ch.withMembership(joined.get(ch.id()), counts.getOrDefault(ch.id(), 0L)))
                .toList();
    }

    public Changed create(String userId, String workspaceId, String rawName, String rawTopic, String rawKind) {
        var kind = kind(rawKind == null ? Channel.PUBLIC : rawKind);
        var name = ChannelNames.normalize(rawName);
        var topic = ChannelNames.topic(rawTopic);
        return db.write(tx -> {
            Membership.require(tx.connection(), workspaceId, userId, Permission.CREATE_CHANNEL);
            if (ChannelStore.createdBy(tx.connection(), workspaceId, userId) >= maxCreatedPerWorkspace) {
                throw new ApiException.Conflict("you have created " + maxCreatedPerWorkspace
                        + " channels in this workspace, the most one person may create");
            }
            return create(tx, workspaceId, name, kind, topic, userId);
        });
    }

    private static String kind(String raw) {
        if (!Channel.PUBLIC.equals(raw) && !Channel.PRIVATE.equals(raw)) {
            throw new ApiException.Invalid("kind must be public or private");
        }
        return raw;
    }

    /** Creates a channel inside an existing transaction (also used when a workspace is created). */
    public static Changed create(Tx tx, String workspaceId, String name, String topic, String createdBy)
            throws SQLException {
        return create(tx, workspaceId, name, Channel.PUBLIC, topic, createdBy);
    }

    /** Creates a public or private channel; a private one needs a creator, its first and only member. */
    public static Changed create(Tx tx, String workspaceId, String name, String kind, String topic, String createdBy)
            throws SQLException {
        if (ChannelStore.nameTaken(tx.connection(), workspaceId, name, "")) {
            throw new ApiException.Conflict("a channel named #" + name + " already exists");
        }
        var channel = ChannelStore.insert(tx.connection(), workspaceId, name, kind, topic, createdBy);
        // The creator joins in the same transaction, so a private channel's creation reaches its creator.
        if (createdBy != null && channel.isPrivate()) {
            ChannelMemberStore.add(tx.connection(), channel.id(), createdBy);
        }
        var event = EventStore.append(tx, new NewEvent(EventTypes.CHANNEL_CREATED, workspaceId, channel.id(), null,
                channel.id(), Map.of("channel_id", channel.id(), "channel", channel),
                lifecycleAudience(channel, createdBy == null ? List.of() : List.of(createdBy))));
        if (createdBy != null && !channel.isPrivate()) {
            ChannelMembership.join(tx, channel, createdBy, null);
        }
        return new Changed(channel, event);
    }

    /**
     * Renames, changes the topic, archives or unarchives; any member may (not a guest), as in Slack's defaults.
     * Making a channel private or public again is for owners and moderators (who must be able to see it).
     */
    public Changed update(String userId, String channelId, String rawName, String rawTopic, Boolean archived,
            String rawKind) {
        if (rawName == null && rawTopic == null && archived == null && rawKind == null) {
            throw new ApiException.Invalid("nothing to update: send name, topic, archived and/or kind");
        }
        var kind = rawKind == null ? null : kind(rawKind);
        var name = rawName == null ? null : ChannelNames.normalize(rawName);
        var topic = rawTopic == null ? null : ChannelNames.topic(rawTopic);
        return db.write(tx -> {
            var c = tx.connection();
            var current = visible(c, userId, channelId);
            if (name != null || topic != null || archived != null) {
                Membership.require(c, current.workspaceId(), userId, Permission.EDIT_CHANNEL);
            }
            // Any member may archive or rename a channel, but not the one every member belongs in.
            if (current.name().equals(GENERAL) && (Boolean.TRUE.equals(archived) || (name != null && !name.equals(GENERAL)))) {
                throw new ApiException.Forbidden("#general is the workspace's default channel: it cannot be archived or renamed");
            }
            if (kind != null && !kind.equals(current.kind())) {
                Membership.require(c, current.workspaceId(), userId, Permission.CHANGE_CHANNEL_KIND);
                if (current.name().equals(GENERAL)) {
                    throw new ApiException.Forbidden("#general is the workspace's default channel: it stays public");
                }
            }
            var newName = name == null ? current.name() : name;
            if (ChannelStore.nameTaken(c, current.workspaceId(), newName, channelId)) {
                throw new ApiException.Conflict("a channel named #" + newName + " already exists");
            }
            var archivedAt = archived == null
                    ? current.archivedAt()
                    : archived ? (current.archivedAt() != null ? current.archivedAt() : Times.now()) : null;
            ChannelStore.update(c, channelId, newName, kind == null ? current.kind() : kind,
                    topic == null ? current.topic() : topic, archivedAt);
            var channel = ChannelStore.byId(c, channelId).orElseThrow();
            // A change of kind is announced to the whole workspace, so non-members' lists drop (or gain) it;
            // they knew the channel while it was public. Every other change of a private channel is its members'.
            var audience = channel.kind().equals(current.kind()) ? lifecycleAudience(channel, List.of())
                    : Audience.exceptGuests(channel.workspaceId(), List.of());
            var event = EventStore.append(tx, new NewEvent(EventTypes.CHANNEL_UPDATED, channel.workspaceId(),
                    channel.id(), null, channel.id(), Map.of("channel_id", channel.id(), "channel", channel), audience));
            return new Changed(channel, event);
        });
    }

    /**
     * Who may see what happens inside the channel (messages, threads, reactions, pins, typing): its members at
     * delivery time, plus, for a public channel, sockets previewing it. Delivery by membership is what keeps
     * fan-out proportional to a channel's size rather than the workspace's (docs/architecture.md).
     */
    public static final String GUEST = "guest";

    public static Audience audience(Channel channel) {
        return audience(channel, List.of());
    }

    /** The same, also admitting {@code alsoAdmitted} (whom a membership event is about). */
    public static Audience audience(Channel channel, List<String> alsoAdmitted) {
        return channel.isPrivate() ? Audience.channel(channel.id(), alsoAdmitted)
                : Audience.publicChannel(channel.id(), alsoAdmitted);
    }

    /**
     * Who hears of the channel itself (created, updated, someone joined or left): for a public channel the
     * whole workspace but its guests (who see only the channels they are in: its members among them, and
     * {@code alsoAdmitted}), so everyone's channel browser keeps names and member counts current (rare
     * events, so cheap); for a private one its members (and {@code alsoAdmitted}), as for everything else.
     */
    public static Audience lifecycleAudience(Channel channel, List<String> alsoAdmitted) {
        return channel.isPrivate() ? Audience.channel(channel.id(), alsoAdmitted)
                : Audience.exceptGuests(channel.workspaceId(), alsoAdmitted);
    }

    /**
     * The channel, if it exists and the user belongs to its workspace (404/403 otherwise) and, for a private
     * channel, to the channel: anyone else gets 404, as for an unknown id, so its existence does not leak.
     */
    public static Channel visible(Connection c, String userId, String channelId) throws SQLException {
        // One query answers the common case (a public channel, a member of the workspace who is not a guest).
        var allowed = ChannelStore.byIdForMember(c, channelId, userId);
        if (allowed.isPresent()) {
            return allowed.get();
        }
        // Refused: find out why, so the answer is the right 404 or 403.
        var channel = ChannelStore.byId(c, channelId).orElseThrow(() -> new ApiException.NotFound("channel"));
        var role = Membership.require(c, channel.workspaceId(), userId);
        if ((channel.isPrivate() || GUEST.equals(role)) && !ChannelMemberStore.isMember(c, channelId, userId)) {
            throw new ApiException.NotFound("channel"); // a guest sees only the channels they were added to
        }
        return channel; // became visible between the two reads (a member added just now)
    }
}
