package chat.clickclack.dms;

import chat.clickclack.users.User;
import java.util.List;

/** A direct conversation as served: its members (the caller included) and the sequence of its newest message. */
public record DirectConversation(String id, String workspaceId, String createdAt, List<User> members, long lastSeq) {}
