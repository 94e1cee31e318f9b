package chat.clickclack.users;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A person or bot as other members see them. {@code avatarUrl} is a string, empty when unset (existing clients
 * test it as a string); {@code status} is omitted when there is none or it has expired.
 */
public record User(
        String id,
        String kind,
        String displayName,
        String handle,
        String avatarUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) UserStatus status,
        String createdAt) {

    public static final String HUMAN = "human";
    public static final String BOT = "bot";
}
