package chat.clickclack.workspaces;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the holder of an invite link may see before signing in: which workspace it opens, until when, and
 * how many uses are left ({@code usesLeft} omitted when unlimited). Only usable invites are previewed.
 */
public record InvitePreview(
        String workspaceId, String workspaceName, String expiresAt, @JsonInclude(JsonInclude.Include.NON_NULL) Long usesLeft) {}
