package chat.clickclack.reactions;

import java.util.List;

/**
 * One emoji on a message: how many people used it, whether the reader is one of them, and the first
 * {@link ReactionStore#REACTED_BY_LIMIT} of them (earliest first), so a client can say who without a fetch.
 */
public record Reaction(String emoji, long count, boolean reactedByMe, List<Reactor> reactedBy) {
    /** Someone who reacted, as a tooltip names them. */
    public record Reactor(String id, String displayName) {}
}
