package chat.clickclack.auth;

import java.util.Set;

/** What a bot token allows: one workspace and a set of scopes (see {@link BotScopes}). */
public record BotGrant(String tokenId, String workspaceId, Set<String> scopes) {
    public BotGrant {
        scopes = Set.copyOf(scopes);
    }

    public boolean allows(String scope) {
        return scopes.contains(scope);
    }
}
