package chat.clickclack.auth;

import chat.clickclack.db.Database;
import chat.clickclack.http.ApiException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Resolves who is calling: a bearer token (header, or the WebSocket subprotocol), the session cookie,
 * or the dev fallback, in that order. Invalid credentials are a 401 even when the dev fallback is on:
 * a client that sends a token wants to be that user, not the dev user.
 */
public final class Authenticator {
    public static final String SESSION_COOKIE = "cc_session";
    public static final String BEARER_SUBPROTOCOL_PREFIX = "clickclack.bearer.";

    /** How stale a session's {@code last_used_at} may get: one write per session per period, not one per request. */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(5);

    private final Database db;
    private final DevFallback devFallback;
    private final BotTokens botTokens;
    /** Sessions whose last use was written within the resolution; bounded, forgets quietly. */
    private final Cache<String, Boolean> recentlyTouched = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(LAST_USED_RESOLUTION).build();

    public Authenticator(Database db, DevFallback devFallback) {
        this.db = db;
        this.devFallback = devFallback;
        this.botTokens = new BotTokens(db);
    }

    /** The caller, or empty when the request carries no credentials at all (and no dev fallback applies). */
    public Optional<Actor> resolve(Context ctx) {
        var bearer = bearerToken(ctx);
        if (bearer != null) {
            return Optional.of(session(bearer, Actor.Via.BEARER));
        }
        var cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie != null && !cookie.isBlank()) {
            return Optional.of(session(cookie, Actor.Via.COOKIE));
        }
        if (devFallback.appliesTo(ctx)) {
            return Optional.of(new Actor(devFallback.userId(), null, Actor.Via.DEV));
        }
        return Optional.empty();
    }

    private Actor session(String token, Actor.Via via) {
        var session = db.read(c -> SessionStore.byToken(c, token))
                .orElseThrow(() -> new ApiException.Unauthorized("invalid credentials"));
        if (!session.activeAt(Instant.now())) {
            throw new ApiException.Unauthorized("session expired or revoked; sign in again");
        }
        if (recentlyTouched.asMap().putIfAbsent(session.id(), Boolean.TRUE) == null) {
            db.write(tx -> {
                SessionStore.touch(tx, session.id(), Instant.now());
                return null;
            });
        }
        if (token.startsWith(BotTokens.PREFIX)) {
            // A bot token is a session with a grant: one workspace and its scopes (its last use is the session's).
            var grant = botTokens.grant(session.id())
                    .orElseThrow(() -> new ApiException.Unauthorized("invalid credentials"));
            return new Actor(session.userId(), session.id(), via, grant);
        }
        return new Actor(session.userId(), session.id(), via);
    }

    /** The token from {@code Authorization: Bearer …} or from the {@code clickclack.bearer.<token>} subprotocol. */
    static String bearerToken(Context ctx) {
        var header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var token = header.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return subprotocolToken(ctx.header("Sec-WebSocket-Protocol"));
    }

    /** Browsers cannot set headers on a WebSocket, so bots and CLIs may pass the token as a subprotocol. */
    public static String subprotocolToken(String protocols) {
        if (protocols == null) {
            return null;
        }
        for (var protocol : protocols.split(",")) {
            var p = protocol.trim();
            if (p.startsWith(BEARER_SUBPROTOCOL_PREFIX) && p.length() > BEARER_SUBPROTOCOL_PREFIX.length()) {
                return p.substring(BEARER_SUBPROTOCOL_PREFIX.length());
            }
        }
        return null;
    }
}
