package chat.clickclack.ids;

import com.github.f4b6a3.ulid.UlidCreator;
import java.security.SecureRandom;
import java.util.Base64;

/** Prefixed, time-sortable ids ({@code msg_01J…}) and random secret tokens. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** A new id such as {@code usr_01JD3…}: the prefix names the type, the ULID sorts by creation time. */
    public static String next(String prefix) {
        // Monotonic ULIDs keep ids created in the same millisecond in creation order.
        return prefix + "_" + UlidCreator.getMonotonicUlid();
    }

    /** A secret with 256 bits of entropy, URL-safe, with a readable prefix such as {@code cct_}. */
    public static String secret(String prefix) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
