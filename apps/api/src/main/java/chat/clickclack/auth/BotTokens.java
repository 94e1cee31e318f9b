package chat.clickclack.auth;

import chat.clickclack.bots.BotTokenStore;
import chat.clickclack.db.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Resolves a bot token's grant and keeps its last-used time. The time is written at most once a minute per
 * token: a bot polling hard must not turn every read into a write on the single writer.
 */
final class BotTokens {
    static final String PREFIX = "ccb_";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Database db;

    BotTokens(Database db) {
        this.db = db;
    }

    Optional<BotGrant> grant(String sessionId) {
        var used = db.read(c -> BotTokenStore.grantOf(c, sessionId));
        used.ifPresent(u -> {
            if (u.lastUsedAt() == null || Instant.parse(u.lastUsedAt()).plus(TOUCH_EVERY).isBefore(Instant.now())) {
                db.write(tx -> {
                    BotTokenStore.touch(tx, u.grant().tokenId());
                    return null;
                });
            }
        });
        return used.map(BotTokenStore.Used::grant);
    }
}
