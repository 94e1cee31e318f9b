package chat.clickclack.messages;

/** A row of the messages table: in a channel ({@code channelId}) or a direct conversation ({@code directConversationId}). */
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
        String directConversationId) {

    public boolean isRoot() {
        return parentMessageId == null;
    }

    public boolean isDirect() {
        return directConversationId != null;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
