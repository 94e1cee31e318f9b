package chat.clickclack.bots;

import java.util.List;

/**
 * A bot token as owners see it. {@code token} (the raw {@code ccb_…} secret) is present only in the answer
 * that created it; {@code lastUsedAt} and {@code revokedAt} are omitted until they happen.
 */
public record BotToken(String id, String botId, String workspaceId, String name, List<String> scopes,
        String createdBy, String createdAt, String lastUsedAt, String revokedAt, String token) {

    BotToken withToken(String secret) {
        return new BotToken(id, botId, workspaceId, name, scopes, createdBy, createdAt, lastUsedAt, revokedAt, secret);
    }
}
