package chat.clickclack.workspaces;

/** An invite as its workspace's owners and moderators see it: never its token, which only its creator was shown. */
public record Invite(
        String id, String workspaceId, String createdBy, String createdAt, String expiresAt, long uses, String revokedAt) {}
