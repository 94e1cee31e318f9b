package chat.clickclack.reads;

/** Where one user has read up to in one conversation (a channel or a direct conversation): {@code scopeId} is its id. */
public record Receipt(String scopeId, String userId, long lastReadSeq, String lastReadAt) {}
