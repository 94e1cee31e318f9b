package chat.clickclack.workspaces;

import chat.clickclack.users.User;

/** A workspace member with their role. */
public record Member(User user, String role, String joinedAt) {}
