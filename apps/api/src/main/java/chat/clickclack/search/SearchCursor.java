package chat.clickclack.search;

import chat.clickclack.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque paging cursor. Newest-first pages continue after the last docid shown, so messages posted
 * meanwhile do not shift them; best-match pages continue at an offset, since ranks move as the index changes.
 */
record SearchCursor(SearchSort sort, long value) {
    static SearchCursor decode(String raw, SearchSort sort) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(raw.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw notOurs();
        }
        var kind = text.substring(0, colon);
        long value;
        try {
            value = Long.parseLong(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw notOurs();
        }
        // A newest-first cursor is a docid (negative: they count down), a best-match one an offset (Search checks).
        if (!(kind.equals("recent") || kind.equals("relevance"))) {
            throw notOurs();
        }
        if (!kind.equals(sort.wire())) {
            throw new ApiException.Invalid("cursor belongs to a search sorted by " + kind + ", not " + sort.wire());
        }
        return new SearchCursor(sort, value);
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((sort.wire() + ":" + value).getBytes(StandardCharsets.UTF_8));
    }

    private static ApiException notOurs() {
        return new ApiException.Invalid("cursor is not one this server gave out");
    }
}
