package chat.clickclack.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A durable event as stored in the log and served over HTTP and the WebSocket.
 * {@code payload} is the stored JSON text, embedded as is: it is serialized once, when written.
 * {@code audience} says who may see it (see {@link Audience}); it is not part of the wire shape.
 */
public record Event(
        String id,
        String cursor,
        String type,
        String workspaceId,
        String channelId,
        Long seq,
        String createdAt,
        @JsonRawValue String payload,
        @JsonIgnore Audience audience) {

    /** An event every workspace member may see. */
    public Event(String id, String cursor, String type, String workspaceId, String channelId, Long seq,
            String createdAt, String payload) {
        this(id, cursor, type, workspaceId, channelId, seq, createdAt, payload, Audience.WORKSPACE);
    }

    /** The cursor as the number it is inside the log. */
    public long position() {
        return Long.parseLong(cursor);
    }
}
