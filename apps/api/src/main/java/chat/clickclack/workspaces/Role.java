package chat.clickclack.workspaces;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A member's role in a workspace, by its wire name. Owners and moderators run the place (invites, removing
 * members, deleting anyone's message); members and guests take part; bots are accounts that scripts drive.
 * The full permission table comes with channel membership (see docs/api.md, "Roles").
 */
public enum Role {
    OWNER, MODERATOR, MEMBER, GUEST, BOT;

    /** Every wire name, comma-separated, for error messages. */
    public static final String NAMES = Arrays.stream(values()).map(Role::wire).collect(Collectors.joining(", "));

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Role> parse(String wire) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(wire)).findFirst();
    }

    /** Whether this role may moderate: manage invites and members, remove others' messages. */
    public static boolean moderates(String wire) {
        return OWNER.wire().equals(wire) || MODERATOR.wire().equals(wire);
    }
}
