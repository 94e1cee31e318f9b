package chat.clickclack.channels;

import chat.clickclack.db.Database;
import chat.clickclack.db.Tx;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventStore.NewEvent;
import chat.clickclack.events.EventTypes;
import chat.clickclack.http.ApiException;
import chat.clickclack.users.UserStore;
import chat.clickclack.workspaces.Membership;
import chat.clickclack.workspaces.Permission;
import chat.clickclack.workspaces.Role;
import chat.clickclack.workspaces.WorkspaceStore;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Who is in which channel: join, leave, add and remove, and the events each change writes.
 *
 * <p>Rules ({@link Permission}): any workspace member but a guest may join a public channel; anyone may leave
 * any channel but #general (everyone belongs in it). Members of a channel (not guests) may add other workspace
 * members to it; only owners and moderators may remove someone else. Changes write {@code channel.member_joined} / {@code channel.member_left} in the same
 * transaction, addressed like every other event of the channel ({@link Channels#audience}).
 */
public final class ChannelMembership {
    /** The channel after a membership change, and the event written (null when nothing changed). */
    public record Changed(Channel channel, ChannelMember member, Event event) {}

    private final Database db;

    public ChannelMembership(Database db) {
        this.db = db;
    }

    /** The caller joins a channel they can see; joining again changes nothing. */
    public Changed join(String userId, String channelId) {
        return db.write(tx -> {
            var c = tx.connection();
            var found = ChannelStore.byId(c, channelId);
            // A guest may not join by themselves (403), but learns nothing of a private channel (404 below).
            if (found.isPresent() && !found.get().isPrivate() && !ChannelMemberStore.isMember(c, channelId, userId)) {
                Membership.require(c, found.get().workspaceId(), userId, Permission.JOIN_CHANNEL);
            }
            var channel = Channels.visible(c, userId, channelId);
            var event = join(tx, channel, userId, null);
            return changed(tx, channel, userId, event);
        });
    }

    /** The caller leaves; leaving a channel they are not in changes nothing. */
    public Changed leave(String userId, String channelId) {
        return db.write(tx -> {
            var channel = Channels.visible(tx.connection(), userId, channelId);
            var event = leave(tx, channel, userId, null);
            return new Changed(channel, null, event);
        });
    }

    public List<ChannelMember> members(String userId, String channelId) {
        return db.read(c -> {
            var channel = Channels.visible(c, userId, channelId);
            return ChannelMemberStore.members(c, channel.id());
        });
    }

    /** A member of the channel (or a moderator) adds a workspace member to it. */
    public Changed add(String actorId, String channelId, String userId) {
        if (userId == null || userId.isBlank()) {
            throw new ApiException.Invalid("user_id is required");
        }
        return db.write(tx -> {
            var c = tx.connection();
            var channel = Channels.visible(c, actorId, channelId);
            var role = Membership.require(c, channel.workspaceId(), actorId, Permission.ADD_TO_CHANNEL);
            if (!Role.moderates(role) && !ChannelMemberStore.isMember(c, channelId, actorId)) {
                throw new ApiException.Forbidden("only members of the channel may add people to it");
            }
            if (WorkspaceStore.role(c, channel.workspaceId(), userId).isEmpty()) {
                throw new ApiException.NotFound("workspace member");
            }
            var event = join(tx, channel, userId, actorId.equals(userId) ? null : actorId);
            return changed(tx, channel, userId, event);
        });
    }

    /** Takes someone out of a channel: themselves (as leave), or anyone when the caller moderates. */
    public Changed remove(String actorId, String channelId, String userId) {
        return db.write(tx -> {
            var c = tx.connection();
            var channel = Channels.visible(c, actorId, channelId);
            if (!actorId.equals(userId)) {
                Membership.require(c, channel.workspaceId(), actorId, Permission.REMOVE_FROM_CHANNEL);
            }
            if (!ChannelMemberStore.isMember(c, channelId, userId)) {
                throw new ApiException.NotFound("channel member");
            }
            var event = leave(tx, channel, userId, actorId.equals(userId) ? null : actorId);
            return new Changed(channel, null, event);
        });
    }

    /** Joins everyone who joins the workspace to its default channels (#general at least). */
    public static void joinDefaults(Tx tx, String workspaceId, String userId) throws SQLException {
        for (var channelId : ChannelMemberStore.defaults(tx.connection(), workspaceId)) {
            join(tx, ChannelStore.byId(tx.connection(), channelId).orElseThrow(), userId, null);
        }
    }

    /** Adds the user and writes channel.member_joined; null when they already were a member. */
    public static Event join(Tx tx, Channel channel, String userId, String addedBy) throws SQLException {
        if (!ChannelMemberStore.add(tx.connection(), channel.id(), userId)) {
            return null;
        }
        return EventStore.append(tx, new NewEvent(EventTypes.CHANNEL_MEMBER_JOINED, channel.workspaceId(), channel.id(),
                null, userId, payload(tx, channel, userId, addedBy, "added_by"), Channels.lifecycleAudience(channel, List.of(userId))));
    }

    private static Event leave(Tx tx, Channel channel, String userId, String removedBy) throws SQLException {
        if (channel.name().equals(Channels.GENERAL)) {
            throw new ApiException.Forbidden("#general is the workspace's default channel: everyone stays in it");
        }
        // The event is addressed before the member goes, so a private channel's leaver still hears of it.
        var audience = Channels.lifecycleAudience(channel, List.of(userId));
        if (!ChannelMemberStore.remove(tx.connection(), channel.id(), userId)) {
            return null;
        }
        return EventStore.append(tx, new NewEvent(EventTypes.CHANNEL_MEMBER_LEFT, channel.workspaceId(), channel.id(),
                null, userId, payload(tx, channel, userId, removedBy, "removed_by"), audience));
    }

    private static Object payload(Tx tx, Channel channel, String userId, String actorId, String actorField)
            throws SQLException {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("channel_id", channel.id());
        payload.put("user_id", userId);
        payload.put("user", UserStore.byId(tx.connection(), userId).orElseThrow());
        payload.put("channel", channel);
        if (actorId != null) {
            payload.put(actorField, actorId);
        }
        return payload;
    }

    private static Changed changed(Tx tx, Channel channel, String userId, Event event) throws SQLException {
        return new Changed(channel, ChannelMemberStore.member(tx.connection(), channel.id(), userId).orElseThrow(), event);
    }
}
