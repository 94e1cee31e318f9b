package chat.clickclack.messages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Finds the mentions in a message body: {@code @handle}, and {@code @channel} / {@code @here} (everyone in
 * the channel). Plain text only: nothing inside code spans, fenced or indented code blocks, link
 * destinations, bare URLs, autolinks or email addresses ({@code a@b.com}) is a mention.
 *
 * <p>Why a hand-written scanner and not a markdown parser: this runs for every posted message on the send
 * path, so it is one linear pass over the body with no allocation beyond the handles it finds, and a body
 * without an {@code @} costs one {@code indexOf}. Which handles belong to real workspace members is decided
 * afterwards by one query ({@link MentionStore#resolve}); unknown handles stay plain text.
 */
public final class Mentions {
    /** Handles found (lowercase, first occurrence order, no duplicates) and whether {@code @channel}/{@code @here} was. */
    public record Parsed(List<String> handles, boolean channelWide) {
        public boolean isEmpty() {
            return handles.isEmpty() && !channelWide;
        }
    }

    public static final Parsed NONE = new Parsed(List.of(), false);
    /** Longest handle we look for; profile handles are 2-32 characters. */
    static final int MAX_HANDLE = 32;

    private Mentions() {}

    public static Parsed parse(String body) {
        if (body == null || body.indexOf('@') < 0) {
            return NONE;
        }
        var prose = withoutCodeBlocks(body);
        var handles = new LinkedHashSet<String>();
        boolean channelWide = false;
        int n = prose.length();
        int i = 0;
        while (i < n) {
            char ch = prose.charAt(i);
            if (ch == '\\' && i + 1 < n) {
                i += 2; // an escaped character, e.g. \@alice, is literal
            } else if (ch == '`') {
                i = afterCodeSpan(prose, i);
            } else if (ch == ']' && i + 1 < n && prose.charAt(i + 1) == '(') {
                i = afterLinkDestination(prose, i + 2);
            } else if (ch == '<') {
                i = afterAutolink(prose, i);
            } else if ((ch == 'h' || ch == 'H') && startsUrl(prose, i)) {
                i = afterUrl(prose, i);
            } else if (ch == '@') {
                int end = handleEnd(prose, i + 1);
                if (end > i + 1 && mayStartMention(prose, i) && mayEndMention(prose, end)) {
                    var handle = prose.substring(i + 1, end).toLowerCase(Locale.ROOT);
                    if (handle.equals("channel") || handle.equals("here")) {
                        channelWide = true;
                    } else if (handle.length() <= MAX_HANDLE) {
                        handles.add(handle);
                    }
                }
                i = Math.max(end, i + 1);
            } else {
                i++;
            }
        }
        return handles.isEmpty() && !channelWide ? NONE : new Parsed(List.copyOf(handles), channelWide);
    }

    static boolean isHandleChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static int handleEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isHandleChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Not glued to a word, a path or a query: {@code a@b.com}, {@code x/@y} and {@code q=@z} are not mentions. */
    private static boolean mayStartMention(String s, int at) {
        if (at == 0) {
            return true;
        }
        char before = s.charAt(at - 1);
        return !Character.isLetterOrDigit(before) && "_-.+/=:%&?#~@".indexOf(before) < 0;
    }

    /** {@code @alice.} or {@code @alice,} end a mention; {@code @alice.example} and {@code @alice@x} are addresses. */
    private static boolean mayEndMention(String s, int end) {
        if (end >= s.length()) {
            return true;
        }
        char after = s.charAt(end);
        if (after == '@') {
            return false;
        }
        return !(after == '.' && end + 1 < s.length() && Character.isLetterOrDigit(s.charAt(end + 1)));
    }

    /** A backtick run opens a code span only if the same-length run closes it; otherwise it is literal. */
    private static int afterCodeSpan(String s, int start) {
        int run = start;
        while (run < s.length() && s.charAt(run) == '`') {
            run++;
        }
        int len = run - start;
        int i = run;
        while (i < s.length()) {
            int close = s.indexOf('`', i);
            if (close < 0) {
                return run;
            }
            int closeEnd = close;
            while (closeEnd < s.length() && s.charAt(closeEnd) == '`') {
                closeEnd++;
            }
            if (closeEnd - close == len) {
                return closeEnd;
            }
            i = closeEnd;
        }
        return run;
    }

    /** Skips {@code url "title")} after {@code ](}, balancing parentheses as markdown does. */
    private static int afterLinkDestination(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                return i;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return s.length();
    }

    /** {@code <https://…>} or {@code <a@b.com>}: an autolink, skipped whole. Any other {@code <} is text. */
    private static int afterAutolink(String s, int start) {
        int close = s.indexOf('>', start + 1);
        if (close < 0) {
            return start + 1;
        }
        for (int i = start + 1; i < close; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\n' || c == '<') {
                return start + 1;
            }
        }
        var inner = s.substring(start + 1, close);
        return inner.contains(":") || inner.contains("@") ? close + 1 : start + 1;
    }

    private static boolean startsUrl(String s, int i) {
        if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
            return false;
        }
        return s.regionMatches(true, i, "http://", 0, 7) || s.regionMatches(true, i, "https://", 0, 8);
    }

    private static int afterUrl(String s, int i) {
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '<') {
            i++;
        }
        return i;
    }

    /**
     * The body with fenced and indented code block lines blanked (newlines kept). An indented block needs
     * four spaces or a tab and cannot interrupt a paragraph, as in CommonMark.
     */
    static String withoutCodeBlocks(String body) {
        if (body.indexOf('`') < 0 && body.indexOf('~') < 0 && body.indexOf("    ") < 0 && body.indexOf('\t') < 0) {
            return body;
        }
        var lines = body.split("\n", -1);
        var out = new ArrayList<String>(lines.length);
        char fence = 0;
        int fenceLen = 0;
        boolean previousBlankOrCode = true;
        for (var line : lines) {
            if (fence != 0) {
                out.add("");
                if (closesFence(line, fence, fenceLen)) {
                    fence = 0;
                }
                previousBlankOrCode = true;
                continue;
            }
            int indent = indent(line);
            if (indent < 4) {
                var rest = line.substring(Math.min(indent, line.length()));
                int run = 0;
                char first = rest.isEmpty() ? 0 : rest.charAt(0);
                if (first == '`' || first == '~') {
                    while (run < rest.length() && rest.charAt(run) == first) {
                        run++;
                    }
                    // a backtick fence's info string may not hold backticks
                    if (run >= 3 && !(first == '`' && rest.indexOf('`', run) >= 0)) {
                        fence = first;
                        fenceLen = run;
                        out.add("");
                        previousBlankOrCode = true;
                        continue;
                    }
                }
            }
            boolean blank = line.isBlank();
            if (!blank && indent >= 4 && previousBlankOrCode) {
                out.add("");
                continue; // stays previousBlankOrCode: the indented block goes on
            }
            out.add(line);
            previousBlankOrCode = blank;
        }
        return String.join("\n", out);
    }

    private static boolean closesFence(String line, char fence, int len) {
        int indent = indent(line);
        if (indent >= 4) {
            return false;
        }
        var rest = line.strip();
        if (rest.length() < len) {
            return false;
        }
        for (int i = 0; i < rest.length(); i++) {
            if (rest.charAt(i) != fence) {
                return false;
            }
        }
        return true;
    }

    /** Leading columns, a tab counting to the next multiple of four. */
    private static int indent(String line) {
        int cols = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                cols++;
            } else if (c == '\t') {
                cols += 4 - (cols % 4);
            } else {
                return cols;
            }
        }
        return cols;
    }
}
