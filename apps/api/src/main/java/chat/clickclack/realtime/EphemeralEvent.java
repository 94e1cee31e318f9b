package chat.clickclack.realtime;

import java.util.Map;

/** A realtime-only event (typing, presence): delivered to current subscribers, never stored, may drop. */
public record EphemeralEvent(
        String type, String workspaceId, String channelId, String userId, String createdAt, Map<String, Object> payload) {}
