package chat.clickclack.events;

/** The durable event types. Ephemeral types live in the realtime package and are never stored. */
public final class EventTypes {
    public static final String WORKSPACE_CREATED = "workspace.created";
    public static final String MEMBER_JOINED = "member.joined";
    public static final String MEMBER_REMOVED = "member.removed";
    /** A member's role changed. */
    public static final String MEMBER_UPDATED = "member.updated";
    /** The workspace was renamed or got a new slug. */
    public static final String WORKSPACE_UPDATED = "workspace.updated";
    /** The owner handed the workspace to another member. */
    public static final String WORKSPACE_OWNERSHIP_TRANSFERRED = "workspace.ownership_transferred";
    public static final String CHANNEL_CREATED = "channel.created";
    public static final String CHANNEL_UPDATED = "channel.updated";
    /** Someone joined or was added to a channel; addressed like the channel's other events. */
    public static final String CHANNEL_MEMBER_JOINED = "channel.member_joined";
    /** Someone left or was removed from a channel; its members and the one who left hear of it. */
    public static final String CHANNEL_MEMBER_LEFT = "channel.member_left";
    /** A message was pinned in or unpinned from a channel; addressed like the channel's other events. */
    public static final String PIN_ADDED = "pin.added";
    public static final String PIN_REMOVED = "pin.removed";
    public static final String MESSAGE_CREATED = "message.created";
    public static final String MESSAGE_UPDATED = "message.updated";
    public static final String MESSAGE_DELETED = "message.deleted";
    public static final String THREAD_REPLY_CREATED = "thread.reply_created";
    public static final String THREAD_STATE_UPDATED = "thread.state_updated";
    public static final String REACTION_ADDED = "reaction.added";
    public static final String REACTION_REMOVED = "reaction.removed";
    /** A user moved their read pointer in a channel; addressed to that user only. */
    public static final String CHANNEL_READ = "channel.read";
    /** A user moved their read pointer in a direct conversation; addressed to that user only. */
    public static final String DM_READ = "dm.read";
    /** A direct conversation was started; addressed to its members. */
    public static final String DM_CREATED = "dm.created";

    private EventTypes() {}
}
