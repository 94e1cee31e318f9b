package chat.clickclack.workspaces;

/**
 * A workspace as seen by one member: {@code role} is that member's role; {@code icon} an emoji or up to two
 * letters, null (omitted) when none was set.
 */
public record Workspace(String id, String name, String slug, String role, String createdAt, String icon) {}
