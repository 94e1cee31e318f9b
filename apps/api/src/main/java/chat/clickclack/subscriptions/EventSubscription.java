package chat.clickclack.subscriptions;

import java.util.List;

/**
 * An outgoing event subscription as its managers see it (never its secret). {@code cursor}: every event up to
 * it is done for this subscription (delivered, or not meant for it).
 */
public record EventSubscription(String id, String workspaceId, String url, List<String> eventTypes, String status,
        String pausedReason, String cursor, String failingSince, String nextAttemptAt, String createdBy,
        String createdAt) {
    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";

    /** Whether an event of this type is wanted. */
    public boolean wants(String type) {
        return eventTypes.contains("*") || eventTypes.contains(type);
    }

    public long position() {
        return Long.parseLong(cursor);
    }
}
