package chat.clickclack.reads;

/** Where one user has read up to in one conversation (a channel; DMs later): {@code scopeId} is its id. */
public record Receipt(String scopeId, String userId, long lastReadSeq, String lastReadAt) {}
