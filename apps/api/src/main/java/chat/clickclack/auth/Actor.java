package chat.clickclack.auth;

import io.javalin.http.Context;

/**
 * Who is calling, and how they proved it. Set on every authenticated request by {@link AccessFilter}.
 * {@code bot} is set when the credential is a bot token ({@code ccb_…}); null for people.
 */
public record Actor(String userId, String sessionId, Via via, BotGrant bot) {
    public enum Via { BEARER, COOKIE, DEV }

    static final String ATTRIBUTE = "clickclack.actor";

    public Actor(String userId, String sessionId, Via via) {
        this(userId, sessionId, via, null);
    }

    /** The caller, if the request was authenticated (after handlers run for rejected requests too). */
    public static java.util.Optional<Actor> find(Context ctx) {
        return java.util.Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The caller of an /api route; the access filter has already rejected requests without one. */
    public static Actor of(Context ctx) {
        Actor actor = ctx.attribute(ATTRIBUTE);
        if (actor == null) {
            throw new IllegalStateException("route " + ctx.path() + " reached without an authenticated actor");
        }
        return actor;
    }
}
