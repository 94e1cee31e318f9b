package chat.clickclack.http;

/**
 * Names other people see (display names, workspace names, channel topics) must show what they say.
 *
 * <p>Security: bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) make a
 * name render reversed or spill its direction into the text around it ("Bob" that reads as "admin"
 * beside a message, a topic that flips the sentence after it), and NUL or other control characters cut or
 * garble a name in logs, terminals and notifications. Both are refused with a 400, never silently stripped,
 * so what was stored is what was sent.
 */
public final class DisplayText {
    private DisplayText() {}

    /** Returns {@code value} when it holds no control or bidi override character; 400 naming the field otherwise. */
    public static String require(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (Character.isISOControl(ch)) {
                throw new ApiException.Invalid(field + " must not contain control characters");
            }
            if ((ch >= '\u202A' && ch <= '\u202E') || (ch >= '\u2066' && ch <= '\u2069')) {
                throw new ApiException.Invalid(field + " must not contain bidirectional override characters");
            }
        }
        return value;
    }
}
