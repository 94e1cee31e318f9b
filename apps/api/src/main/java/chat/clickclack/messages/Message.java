package chat.clickclack.messages;

import chat.clickclack.reactions.Reaction;
import com.fasterxml.jackson.annotation.JsonInclude;
import chat.clickclack.threads.ThreadState;
import chat.clickclack.uploads.Upload;
import chat.clickclack.users.User;
import java.util.List;

/**
 * A message as served: the stored row plus its author, thread summary (roots only) and reactions.
 * Deleted messages keep their place with an empty body. A message is in a channel or in a direct
 * conversation: the other id is left out of its JSON, as the contract has it.
 * Deleted messages have no mentions. {@code mentionedUserIds} are the members named by handle;
 * {@code mentionsChannel} is @channel / @here. {@code overrideUsername} / {@code overrideIconUrl} (omitted when
 * unset): the name and avatar an incoming webhook posted under; the author is still its bot.
 * {@code attachments}: its uploads in order, omitted when there are none (and always for a deleted message).
 */
public record Message(
        String id,
        String workspaceId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String channelId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String directConversationId,
        String authorId,
        User author,
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
        ThreadState threadState,
        List<Reaction> reactions,
        List<String> mentionedUserIds,
        boolean mentionsChannel,
        String overrideUsername,
        String overrideIconUrl,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Upload> attachments) {

    public boolean isRoot() {
        return parentMessageId == null;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
