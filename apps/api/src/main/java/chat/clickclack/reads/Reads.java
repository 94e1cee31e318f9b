package chat.clickclack.reads;

import chat.clickclack.channels.Channel;
import chat.clickclack.channels.Channels;
import chat.clickclack.db.Database;
import chat.clickclack.db.Tx;
import chat.clickclack.dms.DirectAccess;
import chat.clickclack.dms.DirectConversation;
import chat.clickclack.events.Audience;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventStore.NewEvent;
import chat.clickclack.events.EventTypes;
import chat.clickclack.http.ApiException;
import chat.clickclack.ids.Times;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Read pointers: where a user has read up to in a channel or a direct conversation. The pointer only moves
 * forward and never past the conversation's newest root message; moving it writes a {@code channel.read} or
 * {@code dm.read} event addressed to that user alone, so their other tabs and devices clear the badge and
 * nobody else learns what they read.
 */
public final class Reads {
    /** The answer to a mark-read call; {@code event} is null when the pointer did not move. */
    public record Marked(Receipt receipt, Event event) {}

    private final Database db;

    public Reads(Database db) {
        this.db = db;
    }

    public Marked markChannel(String userId, String channelId, Long seq) {
        validate(seq);
        return db.write(tx -> {
            var channel = Channels.visible(tx.connection(), userId, channelId);
            return mark(tx, ReadScope.CHANNEL, userId, channelId, Math.min(seq, channel.lastSeq()),
                    current -> new NewEvent(EventTypes.CHANNEL_READ, channel.workspaceId(), channelId, null, channelId,
                            Map.of("channel_id", channelId, "receipt", current), Audience.user(userId)));
        });
    }

    public Marked markDirect(String userId, String conversationId, Long seq) {
        validate(seq);
        return db.write(tx -> {
            var dm = DirectAccess.require(tx.connection(), userId, conversationId);
            return mark(tx, ReadScope.DM, userId, conversationId, Math.min(seq, dm.lastSeq()),
                    current -> new NewEvent(EventTypes.DM_READ, dm.workspaceId(), null, null, conversationId,
                            Map.of("direct_conversation_id", conversationId, "receipt", current), Audience.user(userId)));
        });
    }

    private interface EventFor {
        NewEvent of(Receipt receipt);
    }

    private static Marked mark(Tx tx, ReadScope scope, String userId, String scopeId, long target, EventFor event)
            throws SQLException {
        var c = tx.connection();
        var current = ReadStore.receipt(c, scope, scopeId, userId);
        if (current.isPresent() && current.get().lastReadSeq() >= target) {
            return new Marked(current.get(), null); // only forward: an older or equal seq changes nothing
        }
        var receipt = new Receipt(scopeId, userId, target, Times.now());
        ReadStore.save(c, scope, receipt);
        return new Marked(receipt, EventStore.append(tx, event.of(receipt)));
    }

    private static void validate(Long seq) {
        if (seq == null) {
            throw new ApiException.Invalid("seq is required: the channel_seq of the newest message read");
        }
        if (seq < 0) {
            throw new ApiException.Invalid("seq must be 0 or more");
        }
    }

    /** The channel as this user sees it: with their read pointer, unread count and mention count. */
    public static Channel withReadState(Connection c, String userId, Channel channel) throws SQLException {
        return withReadState(c, userId, List.of(channel)).getFirst();
    }

    /** Two queries for the whole list, however long: pointers with unread counts, and mention counts. */
    public static List<Channel> withReadState(Connection c, String userId, List<Channel> channels) throws SQLException {
        var ids = channels.stream().map(Channel::id).toList();
        var states = ReadStore.states(c, ReadScope.CHANNEL, ids, userId);
        var mentions = ReadStore.mentionCounts(c, ReadScope.CHANNEL, ids, userId);
        var out = new ArrayList<Channel>(channels.size());
        for (var channel : channels) {
            var state = states.get(channel.id());
            out.add(channel.withReadState(state.lastReadSeq(), state.unreadCount(),
                    mentions.getOrDefault(channel.id(), 0L)));
        }
        return out;
    }

    /** The same for direct conversations: two queries for the whole list. */
    public static List<DirectConversation> withDirectReadState(Connection c, String userId,
            List<DirectConversation> conversations) throws SQLException {
        var ids = conversations.stream().map(DirectConversation::id).toList();
        var states = ReadStore.states(c, ReadScope.DM, ids, userId);
        var mentions = ReadStore.mentionCounts(c, ReadScope.DM, ids, userId);
        var out = new ArrayList<DirectConversation>(conversations.size());
        for (var dm : conversations) {
            var state = states.get(dm.id());
            out.add(dm.withReadState(state.lastReadSeq(), state.unreadCount(), mentions.getOrDefault(dm.id(), 0L)));
        }
        return out;
    }
}
