package chat.clickclack.search;

import chat.clickclack.http.ApiException;

/** Result order: best match first (bm25), or newest first ({@code newest} is accepted for {@code recent}). */
public enum SearchSort {
    RELEVANCE, RECENT;

    static SearchSort parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return RELEVANCE;
        }
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "relevance" -> RELEVANCE;
            case "recent", "newest" -> RECENT;
            default -> throw new ApiException.Invalid("sort must be relevance, recent or newest");
        };
    }

    String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
