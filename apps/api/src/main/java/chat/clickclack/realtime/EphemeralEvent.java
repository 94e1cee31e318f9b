package chat.clickclack.realtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A realtime-only event (typing, presence): delivered to current subscribers, never stored, may drop.
 * Typing names the channel or the direct conversation it happens in (the other is absent).
 */
public record EphemeralEvent(
        String type,
        String workspaceId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String channelId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String directConversationId,
        String userId,
        String createdAt,
        Map<String, Object> payload) {

    static EphemeralEvent presence(String workspaceId, String userId, String createdAt, String status) {
        return new EphemeralEvent("presence.changed", workspaceId, null, null, userId, createdAt,
                Map.of("status", status));
    }
}
