package chat.clickclack.workspaces;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An invite as its workspace's owners and moderators see it: never its token, which only its creator was shown.
 * {@code maxUses} is omitted when the invite has no limit.
 */
public record Invite(
        String id, String workspaceId, String createdBy, String createdAt, String expiresAt, long uses, String revokedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long maxUses) {}
