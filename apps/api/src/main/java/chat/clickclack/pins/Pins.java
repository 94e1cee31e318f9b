package chat.clickclack.pins;

import chat.clickclack.channels.Channels;
import chat.clickclack.db.Database;
import chat.clickclack.db.Tx;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventStore.NewEvent;
import chat.clickclack.events.EventTypes;
import chat.clickclack.http.ApiException;
import chat.clickclack.ids.Times;
import chat.clickclack.messages.Message;
import chat.clickclack.messages.MessageStore;
import chat.clickclack.messages.MessageViews;
import chat.clickclack.messages.StoredMessage;
import chat.clickclack.workspaces.Membership;
import chat.clickclack.workspaces.Permission;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Pinned messages of a channel: anyone who can see the channel, but a guest, may pin or unpin one of its
 * messages (roots or replies), at most {@link #MAX_PER_CHANNEL}; a duplicate or one past the limit is a 409. Each change writes
 * {@code pin.added} / {@code pin.removed}, addressed like the channel's other events.
 */
public final class Pins {
    public static final int MAX_PER_CHANNEL = 100;

    /** A pin and its event. */
    public record Pinned(Message pinnedMessage, Event event) {}

    private final Database db;

    public Pins(Database db) {
        this.db = db;
    }

    /** The channel's pinned messages, newest pin first. */
    public List<Message> list(String userId, String channelId) {
        return db.read(c -> {
            var channel = Channels.visible(c, userId, channelId);
            var rows = new ArrayList<StoredMessage>();
            for (var id : PinStore.messageIds(c, channel.id())) {
                MessageStore.byId(c, id).ifPresent(rows::add);
            }
            return MessageViews.of(c, rows, userId);
        });
    }

    public Pinned pin(String userId, String channelId, String messageId) {
        if (messageId == null || messageId.isBlank()) {
            throw new ApiException.Invalid("message_id is required");
        }
        return db.write(tx -> {
            var c = tx.connection();
            var channel = Channels.visible(c, userId, channelId);
            Membership.require(c, channel.workspaceId(), userId, Permission.PIN);
            var row = MessageStore.byId(c, messageId)
                    .filter(m -> channel.id().equals(m.channelId()))
                    .orElseThrow(() -> new ApiException.NotFound("message in this channel"));
            if (row.isDeleted()) {
                throw new ApiException.Conflict("a deleted message cannot be pinned");
            }
            if (PinStore.count(c, channel.id()) >= MAX_PER_CHANNEL) {
                throw new ApiException.Conflict("this channel already has " + MAX_PER_CHANNEL
                        + " pinned messages, the most it may have; unpin one first");
            }
            if (!PinStore.add(c, channel.id(), messageId, userId, Times.now())) {
                throw new ApiException.Conflict("this message is already pinned");
            }
            var message = MessageViews.of(c, row, null);
            return new Pinned(message, event(tx, EventTypes.PIN_ADDED, channel, message, userId));
        });
    }

    public Event unpin(String userId, String channelId, String messageId) {
        return db.write(tx -> {
            var c = tx.connection();
            var channel = Channels.visible(c, userId, channelId);
            Membership.require(c, channel.workspaceId(), userId, Permission.PIN);
            if (!PinStore.remove(c, channel.id(), messageId)) {
                throw new ApiException.NotFound("pin");
            }
            var message = MessageViews.of(c, MessageStore.byId(c, messageId).orElseThrow(), null);
            return event(tx, EventTypes.PIN_REMOVED, channel, message, userId);
        });
    }

    private static Event event(Tx tx, String type, chat.clickclack.channels.Channel channel, Message message,
            String userId) throws SQLException {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("channel_id", channel.id());
        payload.put("message_id", message.id());
        payload.put("user_id", userId);
        payload.put("message", message);
        return EventStore.append(tx, new NewEvent(type, channel.workspaceId(), channel.id(), null, message.id(),
                payload, Channels.audience(channel)));
    }
}
