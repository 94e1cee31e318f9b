package chat.clickclack.realtime;

import chat.clickclack.channels.ChannelStore;
import chat.clickclack.channels.Channels;
import chat.clickclack.db.Database;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.Json;
import chat.clickclack.ids.Times;
import java.util.Map;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The one message a client sends on its socket: {@code {"type":"view","channel_id":"ch_…"}} (or
 * {@code "channel_id": null} to stop), "I am looking at this channel". A public channel's events reach its
 * members only; a socket that views a channel it has not joined (the web's preview before joining) gets that
 * channel's events too until it views another one, stops, or closes. One channel per socket; a reconnect
 * starts with none (the client says it again).
 *
 * <p>The answer is an ephemeral frame on the same socket: {@code view.updated {channel_id?}} once the view is
 * in force (every event committed after the client reads it is delivered by the new rule), or
 * {@code view.refused {payload: {error}}} for a malformed message or a channel the user may not read (an
 * unknown or private channel, another workspace's). Refusals leave the previous view in place.
 */
final class ViewSignal {
    static final int MAX_MESSAGE_CHARS = 512;

    private final Database db;
    private final Hub hub;

    ViewSignal(Database db, Hub hub) {
        this.db = db;
        this.hub = hub;
    }

    void handle(Session session, String message) {
        var owner = hub.socketOwner(session);
        if (owner == null) {
            return; // not subscribed (yet, or any more): nothing to change
        }
        String channelId;
        try {
            channelId = parse(message);
            if (channelId != null) {
                db.read(c -> {
                    var channel = ChannelStore.byId(c, channelId);
                    if (channel.isEmpty() || !channel.get().workspaceId().equals(owner.workspaceId())) {
                        throw new ApiException.NotFound("channel");
                    }
                    return Channels.visible(c, owner.userId(), channelId);
                });
            }
        } catch (ApiException e) {
            hub.reply(session, answer("view.refused", owner.workspaceId(), owner.userId(), null, Map.of("error", e.getMessage())));
            return;
        }
        if (hub.view(session, channelId)) {
            hub.reply(session, answer("view.updated", owner.workspaceId(), owner.userId(), channelId, Map.of()));
        }
    }

    /** The channel id of a well-formed view message (null: stop viewing); 400-style refusal otherwise. */
    static String parse(String message) {
        if (message == null || message.length() > MAX_MESSAGE_CHARS) {
            throw new ApiException.Invalid("a socket message is at most " + MAX_MESSAGE_CHARS + " characters");
        }
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = Json.MAPPER.readTree(message);
        } catch (Exception e) {
            throw new ApiException.Invalid("a socket message must be JSON");
        }
        if (node == null || !node.isObject() || !"view".equals(node.path("type").asText())) {
            throw new ApiException.Invalid("the only socket message is {\"type\":\"view\",\"channel_id\":…}");
        }
        var id = node.get("channel_id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isTextual() || id.asText().isBlank()) {
            throw new ApiException.Invalid("channel_id must be a channel id or null");
        }
        return id.asText();
    }

    private static EphemeralEvent answer(String type, String workspaceId, String userId, String channelId, Map<String, Object> payload) {
        return new EphemeralEvent(type, workspaceId, channelId, null, userId, Times.now(), payload);
    }
}
