package chat.clickclack.events;

/**
 * Who is in a channel right now (and who is a guest of a workspace), asked when an event addressed to its members is shown (see
 * {@link Audience}). The realtime hub keeps the live answer; {@link #NONE} admits nobody (fail closed).
 */
@FunctionalInterface
public interface ChannelSeats {
    ChannelSeats NONE = (channelId, userId) -> false;

    boolean seated(String channelId, String userId);

    /**
     * Whether the user is a guest of the workspace now (guests hear only of the channels they are in). Without
     * a real lookup everyone counts as one: an event kept from guests then reaches nobody (fail closed).
     */
    default boolean guest(String workspaceId, String userId) {
        return true;
    }
}
