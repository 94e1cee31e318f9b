package chat.clickclack.channels;

import chat.clickclack.http.ApiException;
import chat.clickclack.http.DisplayText;
import java.util.Locale;
import java.util.regex.Pattern;

/** Channel names as Slack users expect: lowercase, no spaces, up to 80 characters. */
public final class ChannelNames {
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,79}$");
    public static final int MAX_TOPIC_LENGTH = 250;

    private ChannelNames() {}

    /** Normalizes "#Release Notes" to "release-notes", or rejects it with a message saying why. */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ApiException.Invalid("channel name must not be empty");
        }
        var name = raw.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("#")) {
            name = name.substring(1);
        }
        name = name.replaceAll("\\s+", "-");
        if (!NAME.matcher(name).matches()) {
            throw new ApiException.Invalid(
                    "channel name must be 1-80 characters of lowercase letters, digits, '-' or '_'");
        }
        return name;
    }

    public static String topic(String raw) {
        if (raw == null) {
            return "";
        }
        var topic = raw.strip();
        if (topic.length() > MAX_TOPIC_LENGTH) {
            throw new ApiException.Invalid("topic must be at most " + MAX_TOPIC_LENGTH + " characters");
        }
        return DisplayText.require("topic", topic);
    }
}
