package chat.clickclack.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What a person says they are up to: one of the crustacean presets or a custom emoji and text, until
 * {@code expiresAt} (RFC 3339; omitted when it never expires).
 */
public record UserStatus(
        String preset,
        String emoji,
        String text,
        @JsonInclude(JsonInclude.Include.NON_NULL) String expiresAt) {

    public static final String CUSTOM = "custom";

    /** False once the expiry has passed: readers hide such a status instead of a sweeper deleting it. */
    public boolean shownAt(Instant now) {
        return expiresAt == null || Instant.parse(expiresAt).isAfter(now);
    }
}
