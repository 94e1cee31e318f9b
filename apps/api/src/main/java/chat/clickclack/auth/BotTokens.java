package chat.clickclack.auth;

import chat.clickclack.bots.BotTokenStore;
import chat.clickclack.db.Database;
import java.util.Optional;

/** Resolves a bot token's grant. Its last use is its session's {@code last_used_at}, kept by {@link Authenticator}. */
final class BotTokens {
    static final String PREFIX = "ccb_";

    private final Database db;

    BotTokens(Database db) {
        this.db = db;
    }

    Optional<BotGrant> grant(String sessionId) {
        return db.read(c -> BotTokenStore.grantOf(c, sessionId));
    }
}
