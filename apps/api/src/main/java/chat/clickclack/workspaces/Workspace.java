package chat.clickclack.workspaces;

/** A workspace as seen by one member: {@code role} is that member's role. */
public record Workspace(String id, String name, String slug, String role, String createdAt) {}
