package chat.clickclack.reads;

import chat.clickclack.channels.Channel;
import chat.clickclack.channels.Channels;
import chat.clickclack.db.Database;
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
 * Read pointers: where a user has read up to in a channel. The pointer only moves forward and never past
 * the channel's newest root message; moving it writes a {@code channel.read} event addressed to that user
 * alone, so their other tabs and devices clear the badge and nobody else learns what they read.
 */
public final class Reads {
    /** The answer to a mark-read call; {@code event} is null when the pointer did not move. */
    public record Marked(Receipt receipt, Event event) {}

    private final Database db;

    public Reads(Database db) {
        this.db = db;
    }

    public Marked markChannel(String userId, String channelId, Long seq) {
        if (seq == null) {
            throw new ApiException.Invalid("seq is required: the channel_seq of the newest message read");
        }
        if (seq < 0) {
            throw new ApiException.Invalid("seq must be 0 or more");
        }
        return db.write(tx -> {
            var c = tx.connection();
            var channel = Channels.visible(c, userId, channelId);
            var current = ReadStore.channelReceipt(c, channelId, userId);
            long target = Math.min(seq, channel.lastSeq());
            if (current.isPresent() && current.get().lastReadSeq() >= target) {
                return new Marked(current.get(), null); // only forward: an older or equal seq changes nothing
            }
            var receipt = new Receipt(channelId, userId, target, Times.now());
            ReadStore.saveChannel(c, receipt);
            var event = EventStore.append(tx, new NewEvent(EventTypes.CHANNEL_READ, channel.workspaceId(), channelId,
                    null, channelId, Map.of("channel_id", channelId, "receipt", receipt), Audience.user(userId)));
            return new Marked(receipt, event);
        });
    }

    /** The channel as this user sees it: with their read pointer, unread count and mention count. */
    public static Channel withReadState(Connection c, String userId, Channel channel) throws SQLException {
        return withReadState(c, userId, List.of(channel)).getFirst();
    }

    /** Two queries for the whole list, however long: pointers with unread counts, and mention counts. */
    public static List<Channel> withReadState(Connection c, String userId, List<Channel> channels) throws SQLException {
        var ids = channels.stream().map(Channel::id).toList();
        var states = ReadStore.channelStates(c, ids, userId);
        var mentions = ReadStore.mentionCounts(c, ids, userId);
        var out = new ArrayList<Channel>(channels.size());
        for (var channel : channels) {
            var state = states.get(channel.id());
            out.add(channel.withReadState(state.lastReadSeq(), state.unreadCount(),
                    mentions.getOrDefault(channel.id(), 0L)));
        }
        return out;
    }
}
