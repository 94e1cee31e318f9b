package chat.clickclack.users;

import java.util.Arrays;
import java.util.Optional;

/** The crustacean statuses the product offers out of the box; anything else is a custom status. */
public enum StatusPreset {
    MOLTING("molting", "\uD83E\uDD9E", "Molting"),
    LURKING("lurking", "\uD83D\uDC40", "Lurking"),
    AFK("afk", "\uD83C\uDF0A", "Away from keyboard");

    public final String id;
    public final String emoji;
    public final String text;

    StatusPreset(String id, String emoji, String text) {
        this.id = id;
        this.emoji = emoji;
        this.text = text;
    }

    public static Optional<StatusPreset> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
