package chat.clickclack.workspaces;

import chat.clickclack.http.ApiException;
import chat.clickclack.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Which members a caller asked for: filters ({@code q} on name or handle, {@code role}) and, for paged callers,
 * a page size and the position after which the page starts. {@code limit} is null for callers that asked for
 * no paging (every matching member, as the list always answered).
 *
 * <p>The cursor is the (display name, user id) of the last member shown, base64url JSON: the list is ordered by
 * exactly that pair, so a page starts right after it even when members join or leave in between.
 */
public record MemberQuery(String q, String role, Integer limit, String afterName, String afterId) {
    public static final int MAX_PAGE = 500;
    public static final int DEFAULT_PAGE = 100;
    public static final int MAX_QUERY_LENGTH = 80;

    /** Every member, no filter, no paging. */
    public static MemberQuery everyone() {
        return new MemberQuery(null, null, null, null, null);
    }

    /** Validates the raw parameters; {@code limit} null and {@code cursor} null means "no paging". */
    public static MemberQuery of(String q, String role, Integer limit, String cursor) {
        var text = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            throw new ApiException.Invalid("q must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        var cleanRole = role == null || role.isBlank() ? null : role.strip();
        if (cleanRole != null && Role.parse(cleanRole).isEmpty()) {
            throw new ApiException.Invalid("role must be one of " + Role.NAMES);
        }
        if (cursor == null) {
            return new MemberQuery(text, cleanRole, limit, null, null);
        }
        var after = decode(cursor);
        return new MemberQuery(text, cleanRole, limit == null ? DEFAULT_PAGE : limit, after.get(0), after.get(1));
    }

    /** The cursor that continues after this member. */
    public static String cursorAfter(Member last) {
        var json = Json.write(List.of(last.user().displayName(), last.user().id()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor) {
        try {
            var json = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            var pair = Json.MAPPER.readValue(json, String[].class);
            if (pair.length != 2 || pair[0] == null || pair[1] == null) {
                throw new IllegalArgumentException("not a pair");
            }
            return List.of(pair[0], pair[1]);
        } catch (Exception e) {
            throw new ApiException.Invalid("cursor is not one this server gave out");
        }
    }
}
