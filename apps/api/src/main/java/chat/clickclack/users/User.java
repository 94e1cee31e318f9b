package chat.clickclack.users;

/** A person or bot as other members see them. */
public record User(String id, String displayName, String handle, String avatarUrl, String createdAt) {}
