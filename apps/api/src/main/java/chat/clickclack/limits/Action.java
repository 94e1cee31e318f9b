package chat.clickclack.limits;

/**
 * What a rate limit counts. Anonymous actions are counted per client IP, the others per user; each has
 * its own buckets, so posting fast never costs anyone their reactions.
 */
public enum Action {
    /** Magic-link consume and inspect: anonymous, per client IP. */
    SIGN_IN(true),
    /** Asking for a sign-in link by email: per client IP (the guard) … */
    EMAIL_LINK_PER_IP(true),
    /** … and per address, taken by the route with the address as the caller, so one inbox is not flooded. */
    EMAIL_LINK_PER_ADDRESS(true),
    INVITE_ACCEPT(false),
    MESSAGE_POST(false),
    REACTION(false),
    CHANNEL_CREATE(false),
    WORKSPACE_CREATE(false),
    EPHEMERAL(false),
    /** Searching: each query reads the index, so one user cannot keep the readers busy for everyone. */
    SEARCH(false),
    /** Uploading a file: each one costs disk and a request's worth of bandwidth. */
    UPLOAD(false),
    /**
     * Posting to a public hook URL ({@code /hooks/{key}}, a slash command's {@code response_url}): no session, so per
     * client IP; a leaked key then floods a channel only as fast as this allows.
     */
    WEBHOOK_POST(true);

    private final boolean anonymous;

    Action(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public boolean anonymous() {
        return anonymous;
    }
}
