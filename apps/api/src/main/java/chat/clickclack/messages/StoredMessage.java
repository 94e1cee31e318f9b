package chat.clickclack.messages;

/**
 * A row of the messages table: in a channel ({@code channelId}) or a direct conversation
 * ({@code directConversationId}); {@code mentions} as decided when it was posted or last edited;
 * {@code overrideUsername} / {@code overrideIconUrl}: the name and avatar an incoming webhook posted under (or null).
 */
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
        String directConversationId,
        MentionStore.Resolved mentions,
        String overrideUsername,
        String overrideIconUrl) {

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
