package chat.clickclack.events;

/**
 * Who is in a private channel right now, asked when an event addressed to its members is shown (see
 * {@link Audience}). The realtime hub keeps the live answer; {@link #NONE} admits nobody (fail closed).
 */
@FunctionalInterface
public interface ChannelSeats {
    ChannelSeats NONE = (channelId, userId) -> false;

    boolean seated(String channelId, String userId);
}
