package chat.clickclack.users;

import chat.clickclack.http.ApiException;
import chat.clickclack.http.DisplayText;
import chat.clickclack.ids.Times;
import com.fasterxml.jackson.databind.JsonNode;
import java.text.BreakIterator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Reads the {@code status} of a profile change: {@code {preset?, emoji?, text?, expires_at?}}.
 *
 * <p>A preset (molting, lurking, afk) brings its emoji and a default text; {@code custom} (or no preset) needs
 * one emoji and may have up to {@value #MAX_TEXT_LENGTH} characters of text. {@code expires_at} is RFC 3339 and
 * must lie in the future: an already expired status would be stored only to be hidden.
 */
final class StatusInput {
    static final int MAX_TEXT_LENGTH = 100;
    /** The longest emoji sequences (families, flags of subdivisions) stay well under this many chars. */
    private static final int MAX_EMOJI_CHARS = 32;
    private static final Set<String> FIELDS = Set.of("preset", "emoji", "text", "expires_at");

    private StatusInput() {}

    /** The status to store; {@code node} is a JSON object (null statuses are handled by the caller). */
    static UserStatus parse(JsonNode node, Instant now) {
        if (!node.isObject()) {
            throw new ApiException.Invalid("status must be an object {emoji, text, expires_at} or null to clear it");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new ApiException.Invalid("status has no field '" + name + "' (preset, emoji, text, expires_at)");
            }
        });
        var presetId = string(node, "preset");
        var emoji = string(node, "emoji");
        var text = string(node, "text");
        var expiresAt = expiry(string(node, "expires_at"), now);
        if (presetId != null && !presetId.equals(UserStatus.CUSTOM)) {
            var preset = StatusPreset.byId(presetId).orElseThrow(() -> new ApiException.Invalid(
                    "status.preset must be molting, lurking, afk or custom"));
            if (emoji != null && !emoji.equals(preset.emoji)) {
                throw new ApiException.Invalid("status.emoji of the " + preset.id + " preset is " + preset.emoji);
            }
            return new UserStatus(preset.id, preset.emoji, text == null ? preset.text : requireText(text), expiresAt);
        }
        if (emoji == null) {
            throw new ApiException.Invalid("status.emoji is required for a custom status");
        }
        return new UserStatus(UserStatus.CUSTOM, requireEmoji(emoji), text == null ? "" : requireText(text), expiresAt);
    }

    private static String string(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ApiException.Invalid("field 'status." + field + "' has the wrong type");
        }
        return value.asText();
    }

    private static String requireText(String text) {
        var trimmed = text.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_TEXT_LENGTH) {
            throw new ApiException.Invalid("status.text must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        return DisplayText.require("status.text", trimmed);
    }

    /** Exactly one emoji: one grapheme cluster that is pictographic (digits and '#' alone are not emoji here). */
    static String requireEmoji(String emoji) {
        var value = emoji.strip();
        if (value.isEmpty() || value.length() > MAX_EMOJI_CHARS) {
            throw new ApiException.Invalid("status.emoji must be one emoji");
        }
        var clusters = BreakIterator.getCharacterInstance();
        clusters.setText(value);
        clusters.first();
        if (clusters.next() != value.length()) {
            throw new ApiException.Invalid("status.emoji must be one emoji, not several characters");
        }
        int first = value.codePointAt(0);
        boolean pictographic = Character.isExtendedPictographic(first)
                || (Character.isEmoji(first) && (value.indexOf('\uFE0F') > 0 || value.indexOf('\u20E3') > 0))
                || (first >= 0x1F1E6 && first <= 0x1F1FF && value.codePointCount(0, value.length()) == 2);
        if (!pictographic) {
            throw new ApiException.Invalid("status.emoji must be one emoji");
        }
        return value;
    }

    private static String expiry(String raw, Instant now) {
        if (raw == null) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException.Invalid("status.expires_at must be an RFC 3339 time such as 2026-12-01T18:00:00Z");
        }
        if (!at.isAfter(now)) {
            throw new ApiException.Invalid("status.expires_at must be in the future");
        }
        return Times.format(at);
    }
}
