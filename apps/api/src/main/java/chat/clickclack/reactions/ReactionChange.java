package chat.clickclack.reactions;

import java.util.List;

/**
 * The changed emoji's summary in a {@code reaction.*} event: reader-independent (no reacted_by_me), and only
 * the one emoji that changed, so an event's size does not grow with the number of emoji on the message.
 * {@code count} is 0 when the last reaction with that emoji was removed.
 */
public record ReactionChange(String emoji, long count, List<Reaction.Reactor> reactedBy) {}
