package chat.clickclack.channels;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A channel; {@code lastSeq} is the channel_seq of its newest root message (0 when empty).
 *
 * <p>{@code lastReadSeq}, {@code unreadCount} and {@code mentionCount} are the caller's read state, and
 * {@code isMember}, {@code memberCount} and {@code notificationPreference} its membership view: filled in when a user reads the channel (list
 * and get), absent (null, left out of the JSON) in events, which many users share.
 */
public record Channel(
        String id,
        String workspaceId,
        String name,
        String kind,
        String topic,
        String createdAt,
        String archivedAt,
        long lastSeq,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long lastReadSeq,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long unreadCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long mentionCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean isMember,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long memberCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) String notificationPreference) {

    public static final String PUBLIC = "public";
    public static final String PRIVATE = "private";

    public Channel(String id, String workspaceId, String name, String kind, String topic, String createdAt,
            String archivedAt, long lastSeq) {
        this(id, workspaceId, name, kind, topic, createdAt, archivedAt, lastSeq, null, null, null, null, null, null);
    }

    public Channel withReadState(long lastReadSeq, long unreadCount, long mentionCount) {
        return new Channel(id, workspaceId, name, kind, topic, createdAt, archivedAt, lastSeq, lastReadSeq, unreadCount,
                mentionCount, isMember, memberCount, notificationPreference);
    }

    /**
     * The caller's membership (their notification preference in the channel, null when not a member) and the
     * channel's head count, for list and get answers.
     */
    public Channel withMembership(String preference, long memberCount) {
        return new Channel(id, workspaceId, name, kind, topic, createdAt, archivedAt, lastSeq, lastReadSeq, unreadCount,
                mentionCount, preference != null, memberCount, preference);
    }

    public boolean isPrivate() {
        return PRIVATE.equals(kind);
    }
}
