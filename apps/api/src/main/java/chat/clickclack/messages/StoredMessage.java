package chat.clickclack.messages;

/** A row of the messages table; {@code mentions} as decided when it was posted or last edited. */
public record StoredMessage(
        String id,
        String workspaceId,
        String channelId,
        String authorId,
        String parentMessageId,
        String threadRootId,
        Long channelSeq,
        Long threadSeq,
        String body,
        String bodyFormat,
        String nonce,
        String createdAt,
        String editedAt,
        String deletedAt,
        MentionStore.Resolved mentions) {

    public boolean isRoot() {
        return parentMessageId == null;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
