package chat.clickclack.users;

import chat.clickclack.http.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Avatar URLs other members' browsers will load: only absolute http(s) URLs with a host, so a profile cannot
 * carry {@code javascript:} or {@code data:} links; the empty string clears the avatar.
 */
public final class AvatarUrls {
    static final int MAX_LENGTH = 2048;

    private AvatarUrls() {}

    public static String require(String url) {
        var value = url.strip();
        if (value.isEmpty()) {
            return "";
        }
        if (value.length() > MAX_LENGTH) {
            throw new ApiException.Invalid("avatar_url must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ApiException.Invalid("avatar_url must be an http(s) URL or empty");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new ApiException.Invalid("avatar_url must be an http(s) URL or empty");
        }
        return value;
    }
}
