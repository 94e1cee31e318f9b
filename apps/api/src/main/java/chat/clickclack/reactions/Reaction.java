package chat.clickclack.reactions;

/** One emoji on a message: how many people used it, and whether the reader is one of them. */
public record Reaction(String emoji, long count, boolean reactedByMe) {}
