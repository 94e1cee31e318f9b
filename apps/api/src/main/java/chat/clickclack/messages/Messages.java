package chat.clickclack.messages;

import chat.clickclack.channels.Channel;
import chat.clickclack.channels.ChannelMemberStore;
import chat.clickclack.channels.ChannelStore;
import chat.clickclack.channels.Channels;
import chat.clickclack.db.Database;
import chat.clickclack.dms.DirectAccess;
import chat.clickclack.dms.DmStore;
import chat.clickclack.events.Audience;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventStore.NewEvent;
import chat.clickclack.events.EventTypes;
import chat.clickclack.http.ApiException;
import chat.clickclack.ids.Times;
import chat.clickclack.workspaces.Membership;
import chat.clickclack.workspaces.Role;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Channel messages: posting (through {@link MessagePosting}, the path replies share), paging the timeline,
 * editing and deleting. Every event carries the whole message, so subscribers never need a follow-up fetch.
 */
public final class Messages {
    /** A created or changed message and the event that announced it; {@code created} is false on a nonce replay. */
    public record Posted(Message message, Event event, boolean created, String messageJson) {
        /** {@code messageJson}, when present, is {@code message} already written as JSON (the send path has it). */
        public Posted(Message message, Event event, boolean created) {
            this(message, event, created, null);
        }
    }

    public enum Paging { LATEST, AFTER, BEFORE, AROUND }

    private final Database db;
    private final MessagePosting posting;

    public Messages(Database db, MessagePosting posting) {
        this.db = db;
        this.posting = posting;
    }

    /** Posts a root message to a channel, through the one posting path ({@link MessagePosting}). */
    public Posted post(String userId, String channelId, String rawBody, String rawNonce) {
        return post(userId, channelId, rawBody, rawNonce, List.of());
    }

    /** Like {@link #post(String, String, String, String)}, attaching the author's uploads in the same write. */
    public Posted post(String userId, String channelId, String rawBody, String rawNonce, List<String> uploadIds) {
        var sent = posting.post(userId, new MessagePosting.Target.ChannelRoot(channelId), rawBody, rawNonce, uploadIds);
        return new Posted(sent.message(), sent.events().getFirst(), sent.created(), sent.messageJson());
    }

    public MessagePage page(String userId, String channelId, Paging paging, long anchor, int limit) {
        return db.read(c -> {
            var channel = Channels.visible(c, userId, channelId);
            long last = ChannelStore.byId(c, channelId).orElse(channel).lastSeq();
            return page(c, userId, MessageStore.Scope.CHANNEL, channelId, last, paging, anchor, limit);
        });
    }

    /** A page of a direct conversation, for one of its members: the same paging as a channel's. */
    public MessagePage pageDirect(String userId, String conversationId, Paging paging, long anchor, int limit) {
        return db.read(c -> {
            var conversation = DirectAccess.require(c, userId, conversationId);
            return page(c, userId, MessageStore.Scope.DIRECT, conversationId, conversation.lastSeq(), paging, anchor,
                    limit);
        });
    }

    private static MessagePage page(Connection c, String userId, MessageStore.Scope scope, String id, long last,
            Paging paging, long anchor, int limit) throws SQLException {
        {
            var rows = switch (paging) {
                case LATEST -> MessageStore.latest(c, scope, id, limit);
                case AFTER -> MessageStore.after(c, scope, id, anchor, limit);
                case BEFORE -> MessageStore.before(c, scope, id, anchor, limit);
                case AROUND -> {
                    int older = limit / 2;
                    var before = MessageStore.before(c, scope, id, anchor, older);
                    var from = MessageStore.after(c, scope, id, anchor - 1, limit - before.size());
                    yield concat(before, from);
                }
            };
            var messages = MessageViews.of(c, rows, userId);
            // channel_seq runs 1..last_seq without gaps, so the page's ends tell what lies beyond them.
            Long oldest = rows.isEmpty() ? null : rows.getFirst().channelSeq();
            Long newest = rows.isEmpty() ? null : rows.getLast().channelSeq();
            boolean hasOlder = oldest != null ? oldest > 1 : (paging == Paging.AFTER && anchor >= 1 && last >= 1);
            boolean hasNewer = newest != null ? newest < last : (paging == Paging.BEFORE && anchor <= last && last >= 1);
            return new MessagePage(messages, oldest, newest, hasOlder, hasNewer);
        }
    }

    public Message get(String userId, String messageId) {
        return db.read(c -> MessageViews.of(c, visible(c, userId, messageId), userId));
    }

    /** Edits a message's body; only its author may. */
    public Posted edit(String userId, String messageId, String rawBody) {
        var body = MessageBodies.require(rawBody);
        var parsed = Mentions.parse(body); // off the writer; only the member lookup runs in the unit
        return db.write(tx -> {
            var c = tx.connection();
            var row = visible(c, userId, messageId);
            if (!row.authorId().equals(userId)) {
                throw new ApiException.Forbidden("only the author can edit a message");
            }
            if (row.isDeleted()) {
                throw new ApiException.Conflict("a deleted message cannot be edited");
            }
            MessageStore.edit(c, messageId, body, Times.now(), MentionStore.resolve(c, row.workspaceId(), parsed));
            return changed(tx, messageId, EventTypes.MESSAGE_UPDATED);
        });
    }

    /**
     * Soft-deletes a message; its author or a workspace owner or moderator may. Deleting it again changes nothing
     * and writes no event: it answers the deleted message with the event that first announced it (absent
     * once that event was pruned), so a client retrying a delete gets the same answer.
     */
    public Posted delete(String userId, String messageId) {
        return db.write(tx -> {
            var c = tx.connection();
            var row = visible(c, userId, messageId);
            var role = Membership.require(c, row.workspaceId(), userId);
            if (!row.authorId().equals(userId) && !Role.moderates(role)) {
                throw new ApiException.Forbidden("only the author or a workspace owner or moderator can delete a message");
            }
            if (row.isDeleted()) {
                var original = EventStore.firstAbout(c, messageId, EventTypes.MESSAGE_DELETED).orElse(null);
                return new Posted(MessageViews.of(c, row, userId), original, false);
            }
            MessageStore.delete(c, messageId, Times.now());
            return changed(tx, messageId, EventTypes.MESSAGE_DELETED);
        });
    }

    /** Announces a change to a message (its body, its attachments) to its audience: the message.updated event. */
    public static Posted updated(chat.clickclack.db.Tx tx, String messageId) throws SQLException {
        return changed(tx, messageId, EventTypes.MESSAGE_UPDATED);
    }

    private static Posted changed(chat.clickclack.db.Tx tx, String messageId, String type) throws SQLException {
        var c = tx.connection();
        var row = MessageStore.byId(c, messageId).orElseThrow();
        var message = MessageViews.of(c, row, null);
        var event = EventStore.append(tx, new NewEvent(type, row.workspaceId(), row.channelId(), row.channelSeq(),
                row.id(), payload(message), audience(c, row)));
        return new Posted(message, event, true);
    }

    /**
     * The stored message if it exists and the user may read it: a member of its workspace and, for a message
     * in a direct conversation or a private channel, of that conversation or channel (anyone else gets 404,
     * as for an unknown id).
     */
    public static StoredMessage visible(Connection c, String userId, String messageId) throws SQLException {
        var row = MessageStore.byId(c, messageId).orElseThrow(() -> new ApiException.NotFound("message"));
        if (row.isDirect() && DmStore.forMember(c, row.directConversationId(), userId).isEmpty()) {
            throw new ApiException.NotFound("message");
        }
        if (!row.isDirect() && ChannelStore.isPrivate(c, row.channelId())
                && !ChannelMemberStore.isMember(c, row.channelId(), userId)) {
            throw new ApiException.NotFound("message");
        }
        Membership.require(c, row.workspaceId(), userId);
        return row;
    }

    /** Who may see events about a message: the workspace, or the members of its conversation or private channel. */
    public static Audience audience(Connection c, StoredMessage row) throws SQLException {
        if (row.isDirect()) {
            return DirectAccess.audience(c, row.directConversationId());
        }
        return ChannelStore.isPrivate(c, row.channelId()) ? Audience.channel(row.channelId(), List.of())
                : Audience.WORKSPACE;
    }

    /** The channel if the user may post in it: a member, and the channel not archived. */
    public static Channel writable(Connection c, String userId, String channelId) throws SQLException {
        var channel = Channels.visible(c, userId, channelId);
        if (channel.archivedAt() != null) {
            throw new ApiException.Conflict("channel #" + channel.name() + " is archived");
        }
        return channel;
    }

    /** A retry whose original event was pruned cannot be answered with it; the nonce still may not be reused. */
    public static ApiException prunedReplay(String messageId) {
        return new ApiException.Conflict("nonce already used for message " + messageId
                + ", whose event has been pruned from the log");
    }

    public static Map<String, Object> payload(Message message) {
        return Map.of("message_id", message.id(), "author_id", message.authorId(), "message", message);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        var out = new java.util.ArrayList<T>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }
}
