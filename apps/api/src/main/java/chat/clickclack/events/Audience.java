package chat.clickclack.events;

/**
 * Who may see a durable event. Stored with the event ({@code audience_kind}, {@code audience_id}) in the
 * same transaction, and checked by {@link #admits} on every path that shows events: live WebSocket
 * delivery, replay by cursor from memory or the database, and the HTTP catch-up.
 *
 * <p>Kinds: {@code workspace} (every member; the id is null) and {@code user} (that one user). Channel and
 * DM member sets are meant to be further kinds with the conversation's id, checked against the member set.
 */
public record Audience(String kind, String id) {
    public static final String WORKSPACE_KIND = "workspace";
    public static final String USER_KIND = "user";

    /** Every member of the event's workspace: what every event was before audiences existed. */
    public static final Audience WORKSPACE = new Audience(WORKSPACE_KIND, null);

    public static Audience user(String userId) {
        return new Audience(USER_KIND, userId);
    }

    /** Reads the stored columns; an unknown kind admits nobody (fail closed). */
    public static Audience of(String kind, String id) {
        return kind == null || WORKSPACE_KIND.equals(kind) ? WORKSPACE : new Audience(kind, id);
    }

    /**
     * Whether a member of the event's workspace may see it. Callers have already checked workspace
     * membership; this only narrows it. Unknown kinds are refused so a newer event never leaks to an
     * older rule.
     */
    public boolean admits(String userId) {
        if (this == WORKSPACE || WORKSPACE_KIND.equals(kind)) {
            return true;
        }
        return USER_KIND.equals(kind) && id != null && id.equals(userId);
    }
}
