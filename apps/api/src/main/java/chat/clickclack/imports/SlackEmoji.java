package chat.clickclack.imports;

import java.util.Map;

/**
 * Slack's reaction names for the emoji people use most, mapped to the characters ClickClack stores. A name not
 * listed (a custom emoji, a rare one) is kept as its {@code :shortcode:}, which the web app still shows.
 */
public final class SlackEmoji {
    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("+1", "👍"), Map.entry("thumbsup", "👍"), Map.entry("-1", "👎"), Map.entry("thumbsdown", "👎"),
            Map.entry("heart", "❤️"), Map.entry("joy", "😂"), Map.entry("smile", "😄"), Map.entry("slightly_smiling_face", "🙂"),
            Map.entry("laughing", "😆"), Map.entry("grinning", "😀"), Map.entry("wink", "😉"), Map.entry("heart_eyes", "😍"),
            Map.entry("sob", "😭"), Map.entry("cry", "😢"), Map.entry("thinking_face", "🤔"), Map.entry("eyes", "👀"),
            Map.entry("tada", "🎉"), Map.entry("fire", "🔥"), Map.entry("100", "💯"), Map.entry("rocket", "🚀"),
            Map.entry("clap", "👏"), Map.entry("raised_hands", "🙌"), Map.entry("pray", "🙏"), Map.entry("wave", "👋"),
            Map.entry("ok_hand", "👌"), Map.entry("muscle", "💪"), Map.entry("white_check_mark", "✅"),
            Map.entry("heavy_check_mark", "✔️"), Map.entry("x", "❌"), Map.entry("warning", "⚠️"), Map.entry("bug", "🐛"),
            Map.entry("sparkles", "✨"), Map.entry("star", "⭐"), Map.entry("coffee", "☕"), Map.entry("beers", "🍻"),
            Map.entry("lobster", "🦞"), Map.entry("crab", "🦀"), Map.entry("shrimp", "🦐"), Map.entry("ocean", "🌊"),
            Map.entry("see_no_evil", "🙈"), Map.entry("party_popper", "🎉"), Map.entry("point_up", "☝️"));

    private SlackEmoji() {}

    /** The emoji for a Slack reaction name, or the name as {@code :name:} when it is not a known one. */
    public static String of(String name) {
        var base = name.contains("::") ? name.substring(0, name.indexOf("::")) : name; // drop ::skin-tone-N
        return BY_NAME.getOrDefault(base, ":" + base + ":");
    }
}
