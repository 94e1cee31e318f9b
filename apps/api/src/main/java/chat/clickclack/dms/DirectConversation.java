package chat.clickclack.dms;

import chat.clickclack.users.User;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A direct conversation as served: its members (the caller included) and the sequence of its newest message.
 *
 * <p>{@code lastReadSeq}, {@code unreadCount} and {@code mentionCount} are the caller's read state, like a
 * channel's: filled in when a member reads the conversation, absent in events, which all members share.
 */
public record DirectConversation(
        String id,
        String workspaceId,
        String createdAt,
        List<User> members,
        long lastSeq,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long lastReadSeq,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long unreadCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long mentionCount) {

    /** Without read state: what an event carries. */
    public static DirectConversation shared(String id, String workspaceId, String createdAt, List<User> members,
            long lastSeq) {
        return new DirectConversation(id, workspaceId, createdAt, members, lastSeq, null, null, null);
    }

    public DirectConversation withReadState(long lastReadSeq, long unreadCount, long mentionCount) {
        return new DirectConversation(id, workspaceId, createdAt, members, lastSeq, lastReadSeq, unreadCount,
                mentionCount);
    }
}
