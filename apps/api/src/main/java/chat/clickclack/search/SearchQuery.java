package chat.clickclack.search;

import chat.clickclack.http.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A search as a Slack user types it, parsed: words (all must match), {@code "exact phrases"}, {@code prefix*}
 * and the modifiers {@code from:@handle}, {@code in:#channel}, {@code before:}/{@code after:YYYY-MM-DD},
 * {@code has:link}, {@code has:file}, {@code is:thread}.
 *
 * <p>Security: nothing the user typed ever reaches FTS5 as syntax. {@link #match()} builds the MATCH
 * expression from the parsed terms, each one a double-quoted FTS5 string with its own quotes doubled, so
 * {@code AND}, {@code NEAR}, {@code -}, {@code *}, {@code (} and stray quotes are searched as the text they
 * are (or, having no letters or digits, dropped, as the tokenizer would drop them). A quote left open runs
 * to the end of the query. Only a known modifier with a bad value, a query over {@value #MAX_LENGTH}
 * characters or {@value #MAX_TERMS} terms, or one with nothing searchable left is refused (400).
 */
public record SearchQuery(List<Term> terms, List<String> fromHandles, List<String> inChannels, LocalDate before,
        LocalDate after, boolean hasLink, boolean hasFile, boolean isThread) {
    public static final int MAX_LENGTH = 500;
    public static final int MAX_TERMS = 32;

    /** A word or phrase to match; {@code prefix} matches any token starting with its last word. */
    public record Term(String text, boolean prefix) {
        /** The term as an FTS5 phrase of the body column: quoted, quotes doubled, a {@code *} for a prefix. */
        String fts() {
            return "body : \"" + text.replace("\"", "\"\"") + "\"" + (prefix ? " *" : "");
        }
    }

    /** True when there are words to match; a query of modifiers only lists matching messages newest first. */
    public boolean hasText() {
        return !terms.isEmpty();
    }

    /** The words' part of the FTS5 MATCH expression: every term a quoted phrase of the body, all ANDed. */
    public String match() {
        return String.join(" AND ", terms.stream().map(Term::fts).toList());
    }

    public static SearchQuery parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ApiException.Invalid("q is required: the words to search for");
        }
        if (raw.length() > MAX_LENGTH) {
            throw new ApiException.Invalid("q must be at most " + MAX_LENGTH + " characters");
        }
        var builder = new Builder();
        // Control characters (a NUL above all) would end an FTS5 string early; they separate words anyway.
        for (var token : tokens(raw.replaceAll("\\p{Cntrl}", " "))) {
            builder.add(token);
        }
        return builder.build();
    }

    /** A piece of the query: a quoted phrase (maybe with a trailing *) or a bare run of non-space characters. */
    private record Token(String text, boolean quoted, boolean prefix) {}

    private static List<Token> tokens(String raw) {
        var out = new ArrayList<Token>();
        int i = 0;
        int n = raw.length();
        while (i < n) {
            char ch = raw.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '"') {
                int close = raw.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                boolean prefix = close >= 0 && close + 1 < n && raw.charAt(close + 1) == '*';
                out.add(new Token(raw.substring(i + 1, end), true, prefix));
                i = close < 0 ? n : close + (prefix ? 2 : 1);
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(raw.charAt(i)) && raw.charAt(i) != '"') {
                    i++;
                }
                out.add(new Token(raw.substring(start, i), false, false));
            }
        }
        return out;
    }

    /** True if the tokenizer would index anything of this text (unicode61 keeps letters and digits). */
    static boolean searchable(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static final class Builder {
        final List<Term> terms = new ArrayList<>();
        final List<String> from = new ArrayList<>();
        final List<String> in = new ArrayList<>();
        LocalDate before;
        LocalDate after;
        boolean hasLink;
        boolean hasFile;
        boolean isThread;
        boolean anyModifier;

        void add(Token token) {
            if (!token.quoted() && modifier(token.text())) {
                anyModifier = true;
                return;
            }
            var text = token.text().strip();
            boolean prefix = token.prefix();
            if (!token.quoted() && text.endsWith("*")) {
                prefix = true;
                text = text.replaceAll("\\*+$", "");
            }
            if (!searchable(text)) {
                return; // punctuation, a lone *, emoji: the index holds no such token
            }
            terms.add(new Term(text, prefix));
            if (terms.size() > MAX_TERMS) {
                throw new ApiException.Invalid("q may hold at most " + MAX_TERMS + " words and phrases");
            }
        }

        /** Applies a known modifier and answers true; false when the token is plain text (e.g. "http://x"). */
        boolean modifier(String token) {
            int colon = token.indexOf(':');
            if (colon <= 0) {
                return false;
            }
            var key = token.substring(0, colon).toLowerCase(Locale.ROOT);
            var value = token.substring(colon + 1);
            switch (key) {
                case "from" -> from.add(name(key, value, '@'));
                case "in" -> in.add(name(key, value, '#'));
                case "before" -> before = date(key, value);
                case "after" -> after = date(key, value);
                case "has" -> {
                    switch (value.toLowerCase(Locale.ROOT)) {
                        case "link" -> hasLink = true;
                        case "file" -> hasFile = true;
                        default -> throw new ApiException.Invalid("has: takes link or file, not '" + value + "'");
                    }
                }
                case "is" -> {
                    if (!value.equalsIgnoreCase("thread")) {
                        throw new ApiException.Invalid("is: takes thread, not '" + value + "'");
                    }
                    isThread = true;
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        SearchQuery build() {
            if (terms.isEmpty() && !anyModifier) {
                throw new ApiException.Invalid(
                        "q has nothing to search for: use words or numbers (punctuation and emoji are not indexed)");
            }
            return new SearchQuery(List.copyOf(terms), List.copyOf(from), List.copyOf(in), before, after, hasLink,
                    hasFile, isThread);
        }

        private static String name(String key, String value, char sigil) {
            var name = value.startsWith(String.valueOf(sigil)) ? value.substring(1) : value;
            if (name.isBlank()) {
                throw new ApiException.Invalid(key + ": needs a name, e.g. " + key + ":" + sigil + "name");
            }
            return name.toLowerCase(Locale.ROOT);
        }

        private static LocalDate date(String key, String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new ApiException.Invalid(key + ": needs a date as YYYY-MM-DD, not '" + value + "'");
            }
        }
    }
}
