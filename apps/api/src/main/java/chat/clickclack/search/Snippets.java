package chat.clickclack.search;

/**
 * Snippets as served: HTML-escaped text in which only {@code <mark>…</mark>} is markup, around the matched
 * words. FTS5's snippet() marks matches with the characters 2 and 3, which the indexed text never contains
 * (the index's view turns them into spaces), so every marker is one of ours.
 */
final class Snippets {
    static final char OPEN = '\u0002';
    static final char CLOSE = '\u0003';
    /** A message found by modifiers alone shows its first characters, unmarked. */
    static final int PLAIN_CODE_POINTS = 160;

    private Snippets() {}

    static String marked(String fromFts) {
        var out = new StringBuilder(fromFts.length() + 32);
        fromFts.codePoints().forEach(cp -> {
            switch (cp) {
                case OPEN -> out.append("<mark>");
                case CLOSE -> out.append("</mark>");
                default -> escape(out, cp);
            }
        });
        return out.toString();
    }

    static String plain(String body) {
        var out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            i += Character.charCount(cp);
            if (count++ == PLAIN_CODE_POINTS) {
                out.append('…');
                break;
            }
            escape(out, cp == OPEN || cp == CLOSE ? ' ' : cp);
        }
        return out.toString();
    }

    private static void escape(StringBuilder out, int cp) {
        switch (cp) {
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '&' -> out.append("&amp;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            default -> out.appendCodePoint(cp);
        }
    }
}
