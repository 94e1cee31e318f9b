package chat.clickclack.workspaces;

import static chat.clickclack.workspaces.Role.BOT;
import static chat.clickclack.workspaces.Role.GUEST;
import static chat.clickclack.workspaces.Role.MEMBER;
import static chat.clickclack.workspaces.Role.MODERATOR;
import static chat.clickclack.workspaces.Role.OWNER;

import java.util.EnumSet;
import java.util.Set;

/**
 * The permission table (docs/api.md, "Roles"): which roles may take each action that changes a workspace or
 * its channels. Taking part — reading, posting, replying, reacting, DMs, one's own read state and
 * notification preference — is every role's and is not listed. Bot accounts appear where a bot token's
 * scopes can reach the action at all ({@code auth/BotScopes} decides first); a guest takes part in the
 * channels they were added to and changes nothing else.
 *
 * <p>Some actions carry a second rule in the feature that owns them: adding someone to a channel also needs
 * the caller to be in it unless they moderate, and only the owner removes a moderator.
 */
public enum Permission {
    CREATE_CHANNEL("create channels", OWNER, MODERATOR, MEMBER, BOT),
    EDIT_CHANNEL("rename, retopic or archive channels", OWNER, MODERATOR, MEMBER, BOT),
    CHANGE_CHANNEL_KIND("make channels private or public", OWNER, MODERATOR),
    JOIN_CHANNEL("join channels (guests are added by someone else)", OWNER, MODERATOR, MEMBER, BOT),
    ADD_TO_CHANNEL("add people to channels", OWNER, MODERATOR, MEMBER, BOT),
    REMOVE_FROM_CHANNEL("remove other people from channels", OWNER, MODERATOR),
    PIN("pin or unpin messages", OWNER, MODERATOR, MEMBER, BOT),
    INVITE("manage invites", OWNER, MODERATOR),
    REMOVE_MEMBER("remove workspace members", OWNER, MODERATOR),
    EDIT_WORKSPACE("change the workspace's name, slug or icon", OWNER, MODERATOR),
    CHANGE_ROLE("change members' roles", OWNER),
    TRANSFER_OWNERSHIP("transfer ownership", OWNER),
    DELETE_WORKSPACE("delete the workspace", OWNER);

    private final String what;
    private final Set<Role> roles;

    Permission(String what, Role first, Role... rest) {
        this.what = what;
        this.roles = EnumSet.of(first, rest);
    }

    public boolean allows(String role) {
        return Role.parse(role).map(roles::contains).orElse(false);
    }

    /** The 403 message for a role that may not: names the rule, not the workspace. */
    String refusal(String role) {
        if (GUEST.wire().equals(role)) {
            return "guests may not " + what;
        }
        if (roles.equals(EnumSet.of(OWNER))) {
            return "only the workspace owner may " + what;
        }
        if (roles.equals(EnumSet.of(OWNER, MODERATOR))) {
            return "only workspace owners and moderators may " + what;
        }
        return "your role (" + role + ") may not " + what;
    }
}
