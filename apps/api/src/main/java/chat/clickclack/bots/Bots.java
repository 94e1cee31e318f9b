package chat.clickclack.bots;

import chat.clickclack.auth.BotScopes;
import chat.clickclack.auth.SessionStore;
import chat.clickclack.db.Database;
import chat.clickclack.db.Tx;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.DisplayText;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import chat.clickclack.users.Profiles;
import chat.clickclack.users.User;
import chat.clickclack.workspaces.Membership;
import chat.clickclack.workspaces.Role;
import chat.clickclack.workspaces.Workspaces;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Bot accounts and their tokens. Owners and moderators create bots in their workspace and issue, list and
 * revoke their tokens; the raw token is returned once, at creation. A bot account is a user of kind bot
 * with the workspace role bot, in exactly that one workspace.
 */
public final class Bots {
    private static final int MAX_NAME_LENGTH = 80;

    /** A new bot and its first token (with the secret). */
    public record Created(User bot, BotToken botToken) {}

    /** A bot with its tokens, as the list shows it. */
    public record Listed(User bot, List<BotToken> tokens) {}

    private final Database db;
    private final Consumer<String> onRevoked;

    /** {@code onRevoked} receives the session id of a revoked token (realtime closes its sockets with 1008). */
    public Bots(Database db, Consumer<String> onRevoked) {
        this.db = db;
        this.onRevoked = onRevoked;
    }

    public Created create(String actorId, String workspaceId, String name, String handle, List<String> scopes) {
        var botName = requireBotName(name);
        var wanted = requireScopes(scopes);
        return db.write(tx -> {
            var c = tx.connection();
            Membership.requireModerator(c, workspaceId, actorId);
            return create(tx, workspaceId, actorId, botName, handle, wanted);
        });
    }

    /** Creates a bot and its first token inside the caller's transaction (the admin CLI uses this too). */
    public static Created create(Tx tx, String workspaceId, String createdBy, String name, String handle,
            List<String> scopes) throws SQLException {
        var bot = createAccount(tx, workspaceId, createdBy, name, handle);
        return new Created(bot, issue(tx, bot, workspaceId, createdBy, "default", scopes));
    }

    /** A bot account without a token (an incoming webhook posts as one), a member of its workspace only. */
    public static User createAccount(Tx tx, String workspaceId, String createdBy, String name, String handle)
            throws SQLException {
        var c = tx.connection();
        var bot = Profiles.createBot(c, requireBotName(name), handle);
        BotStore.insert(c, bot.id(), workspaceId, createdBy);
        Workspaces.join(tx, workspaceId, bot.id(), Role.BOT.wire());
        return bot;
    }

    public List<Listed> list(String actorId, String workspaceId) {
        return db.read(c -> {
            Membership.requireModerator(c, workspaceId, actorId);
            var out = new ArrayList<Listed>();
            for (var bot : BotStore.inWorkspace(c, workspaceId)) {
                out.add(new Listed(bot, BotTokenStore.ofBot(c, bot.id())));
            }
            return out;
        });
    }

    public List<BotToken> tokens(String actorId, String workspaceId, String botId) {
        return db.read(c -> {
            Membership.requireModerator(c, workspaceId, actorId);
            BotStore.inWorkspace(c, workspaceId, botId).orElseThrow(() -> new ApiException.NotFound("bot"));
            return BotTokenStore.ofBot(c, botId);
        });
    }

    public BotToken issue(String actorId, String workspaceId, String botId, String name, List<String> scopes) {
        var tokenName = name == null ? "token" : requireName(name);
        var wanted = requireScopes(scopes);
        return db.write(tx -> {
            var c = tx.connection();
            Membership.requireModerator(c, workspaceId, actorId);
            var bot = BotStore.inWorkspace(c, workspaceId, botId).orElseThrow(() -> new ApiException.NotFound("bot"));
            return issue(tx, bot, workspaceId, actorId, tokenName, wanted);
        });
    }

    /** Revokes a token (again: no change) and closes the sockets it opened. */
    public BotToken revoke(String actorId, String tokenId) {
        var revoked = db.write(tx -> {
            var c = tx.connection();
            var token = BotTokenStore.byId(c, tokenId).orElseThrow(() -> new ApiException.NotFound("bot token"));
            Membership.requireModerator(c, token.workspaceId(), actorId);
            var sessionId = BotTokenStore.sessionOf(c, tokenId).orElseThrow();
            SessionStore.revoke(tx, sessionId);
            BotTokenStore.markRevoked(tx, tokenId, Times.now());
            return new Revoked(BotTokenStore.byId(c, tokenId).orElseThrow(), sessionId);
        });
        onRevoked.accept(revoked.sessionId());
        return revoked.token();
    }

    private record Revoked(BotToken token, String sessionId) {}

    private static BotToken issue(Tx tx, User bot, String workspaceId, String createdBy, String name,
            List<String> scopes) throws SQLException {
        var issued = SessionStore.issue(tx, bot.id(), "bearer", null, "ccb_");
        var token = new BotToken(Ids.next("btk"), bot.id(), workspaceId, name, scopes, createdBy,
                issued.session().createdAt(), null, null, null);
        BotTokenStore.insert(tx, token, issued.session().id());
        return token.withToken(issued.token());
    }

    /** The scopes asked for, deduplicated in order; the default set when none are named. */
    public static List<String> requireScopes(List<String> scopes) {
        if (scopes == null) {
            return BotScopes.DEFAULT;
        }
        if (scopes.isEmpty()) {
            throw new ApiException.Invalid("scopes must name at least one scope: " + String.join(", ", BotScopes.ALL));
        }
        var out = new LinkedHashSet<String>();
        for (var scope : scopes) {
            if (scope == null || !BotScopes.ALL.contains(scope)) {
                throw new ApiException.Invalid("unknown scope '" + scope + "'; scopes are " + String.join(", ", BotScopes.ALL));
            }
            out.add(scope);
        }
        return List.copyOf(out);
    }

    private static String requireBotName(String name) {
        if (name == null) {
            throw new ApiException.Invalid("name is required");
        }
        return requireName(name);
    }

    private static String requireName(String name) {
        if (name.isBlank()) {
            throw new ApiException.Invalid("name must not be empty");
        }
        var trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new ApiException.Invalid("name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return DisplayText.require("name", trimmed);
    }
}
