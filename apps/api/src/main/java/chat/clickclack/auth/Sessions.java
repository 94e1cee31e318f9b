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

    /** A new session for a user, with its secret (shown once). */
    public record SignedIn(User user, SessionInfo session, String token) {}

    /** What clients may know about a session. */
    public record SessionInfo(String id, String createdAt, String expiresAt) {}

    private final Database db;
    private final Consumer<String> onRevoked;

    /** {@code onRevoked} receives the id of every revoked session (realtime closes its sockets). */
    public Sessions(Database db, Consumer<String> onRevoked) {
        this.db = db;
        this.onRevoked = onRevoked;
    }

    public SignedIn consumeMagicToken(String token) {
        if (token == null || token.isBlank()) {
            throw new ApiException.Invalid("token is required");
        }
        return db.write(tx -> {
            var userId = MagicLinks.consume(tx, token.strip());
            var issued = SessionStore.issue(tx, userId, "cookie", COOKIE_SESSION_TTL);
            var user = UserStore.byId(tx.connection(), userId).orElseThrow();
            var session = issued.session();
            return new SignedIn(user, new SessionInfo(session.id(), session.createdAt(), session.expiresAt()), issued.token());
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
