package chat.clickclack.auth;

import chat.clickclack.db.Database;
import chat.clickclack.http.ApiException;
import chat.clickclack.users.User;
import chat.clickclack.users.UserStore;
import java.time.Duration;
import java.util.function.Consumer;

/** Signing in and out: magic tokens become sessions, logout revokes them everywhere at once. */
public final class Sessions {
    public static final Duration COOKIE_SESSION_TTL = Duration.ofDays(30);
    public static final Duration API_TOKEN_TTL = Duration.ofDays(30);

    /** How the signed-in client will prove who it is: the HttpOnly cookie (browsers) or a bearer token. */
    public enum Credential { COOKIE, BEARER }

    /** A new session for a user, with its secret (shown once: in the cookie, or in the body for a bearer). */
    public record SignedIn(User user, SessionInfo session, String token, Credential credential) {}

    /** What clients may know about a session. */
    public record SessionInfo(String id, String userId, String createdAt, String expiresAt) {}

    private final Database db;
    private final Consumer<String> onRevoked;

    /** {@code onRevoked} receives the id of every revoked session (realtime closes its sockets). */
    public Sessions(Database db, Consumer<String> onRevoked) {
        this.db = db;
        this.onRevoked = onRevoked;
    }

    /**
     * Exchanges a magic token for a new session of the given kind. A browser's cookie session and an API
     * client's bearer token are separate credentials: the cookie's secret is never shown to page scripts,
     * and revoking one leaves the other.
     */
    public SignedIn consumeMagicToken(String token, Credential credential) {
        if (token == null || token.isBlank()) {
            throw new ApiException.Invalid("token is required");
        }
        return db.write(tx -> {
            var userId = MagicLinks.consume(tx, token.strip());
            var issued = credential == Credential.COOKIE
                    ? SessionStore.issue(tx, userId, "cookie", COOKIE_SESSION_TTL)
                    : SessionStore.issue(tx, userId, "bearer", API_TOKEN_TTL);
            var user = UserStore.byId(tx.connection(), userId).orElseThrow();
            var session = issued.session();
            return new SignedIn(user, new SessionInfo(session.id(), userId, session.createdAt(), session.expiresAt()),
                    issued.token(), credential);
        });
    }

    /**
     * The account a sign-in link is for (its email may be absent), and the account the caller is signed in
     * to now, if any: shown before switching accounts.
     */
    public record LinkOwner(User user, String email, User signedInAs) {}

    /**
     * Whose account a magic token signs in to, without using it up; 401 as consume would answer.
     * {@code currentUserId}: the caller's signed-in user, or null.
     */
    public LinkOwner inspectMagicToken(String token, String currentUserId) {
        if (token == null || token.isBlank()) {
            throw new ApiException.Invalid("token is required");
        }
        return db.read(c -> {
            var userId = MagicLinks.peek(c, token.strip());
            var current = currentUserId == null ? null : UserStore.byId(c, currentUserId).orElse(null);
            return new LinkOwner(UserStore.byId(c, userId).orElseThrow(), UserStore.emailOf(c, userId).orElse(null),
                    current);
        });
    }

    /** Revokes the session behind the actor; the dev fallback has none, so its logout changes nothing. */
    public void logout(Actor actor) {
        if (actor.sessionId() == null) {
            return;
        }
        var revoked = db.write(tx -> SessionStore.revoke(tx, actor.sessionId()));
        if (revoked) {
            onRevoked.accept(actor.sessionId());
        }
    }
}
