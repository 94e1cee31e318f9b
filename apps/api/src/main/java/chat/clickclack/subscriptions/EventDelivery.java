package chat.clickclack.subscriptions;

/** One event's delivery to one subscription: the log row behind the API's delivery list and the backoff. */
public record EventDelivery(String id, String subscriptionId, String eventId, String eventCursor, String eventType,
        String status, int attempts, Integer responseCode, String lastError, String nextAttemptAt, String deliveredAt,
        String createdAt, String updatedAt) {
    public static final String RETRYING = "retrying";
    public static final String DELIVERED = "delivered";
}
