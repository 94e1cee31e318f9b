package chat.clickclack.events;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A durable event as stored in the log and served over HTTP and the WebSocket.
 * {@code payload} is the stored JSON text, embedded as is: it is serialized once, when written.
 */
public record Event(
        String id,
        String cursor,
        String type,
        String workspaceId,
        String channelId,
        Long seq,
        String createdAt,
        @JsonRawValue String payload) {

    /** The cursor as the number it is inside the log. */
    public long position() {
        return Long.parseLong(cursor);
    }
}
