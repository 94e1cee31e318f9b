package chat.clickclack.workspaces;

import chat.clickclack.http.ApiException;
import java.text.BreakIterator;

/**
 * What a workspace icon may be: one emoji (one grapheme, so flags, skin tones and ZWJ families count as one) or
 * one or two letters or digits. The empty string clears it. Kept this small so it reads at 16 px in a sidebar.
 */
final class WorkspaceIcon {
    /** Longer than any single emoji sequence in use (a ZWJ family is 11 chars), short enough to stay an icon. */
    private static final int MAX_CHARS = 16;

    private WorkspaceIcon() {}

    /** The icon to store, or null to clear it. */
    static String require(String raw) {
        var icon = raw.strip();
        if (icon.isEmpty()) {
            return null;
        }
        if (icon.length() > MAX_CHARS) {
            throw invalid();
        }
        var points = icon.codePoints().toArray();
        var letters = java.util.Arrays.stream(points).allMatch(Character::isLetterOrDigit);
        if (letters) {
            if (points.length > 2) {
                throw invalid();
            }
            return icon;
        }
        if (graphemes(icon) != 1 || !isEmoji(points[0])) {
            throw invalid();
        }
        return icon;
    }

    private static int graphemes(String text) {
        var it = BreakIterator.getCharacterInstance();
        it.setText(text);
        int count = 0;
        while (it.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    /** Symbols (So), the pictographic planes and regional indicators (flags). */
    private static boolean isEmoji(int cp) {
        return Character.getType(cp) == Character.OTHER_SYMBOL || (cp >= 0x1F000 && cp <= 0x1FAFF)
                || Character.isEmoji(cp) && !Character.isLetterOrDigit(cp) && cp > 0x7F;
    }

    private static ApiException invalid() {
        return new ApiException.Invalid("icon must be one emoji or one or two letters (\"\" removes it)");
    }
}
