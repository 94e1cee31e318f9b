package chat.clickclack.webhooks;

/**
 * An incoming webhook as its owners see it. {@code key} (the secret in {@code /hooks/{key}}) is present only
 * in the answer that created or rotated it; {@code createdBy} is omitted for operator-made hooks.
 */
public record Webhook(String id, String workspaceId, String channelId, String botId, String name, String createdBy,
        String createdAt, String revokedAt, String key) {

    Webhook withKey(String secret) {
        return new Webhook(id, workspaceId, channelId, botId, name, createdBy, createdAt, revokedAt, secret);
    }
}
