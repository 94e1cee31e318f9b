package chat.clickclack.webhooks;

import chat.clickclack.http.ApiException;
import chat.clickclack.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An incoming webhook's body as Mattermost scripts send it: JSON ({@code Content-Type: application/json}, or
 * any type when the body is a JSON object), or a form whose field {@code payload} holds that JSON. Mistakes are
 * 400s worded like Mattermost's, so a script's log reads the same after changing only the URL.
 *
 * <p>{@link #body()} is the message to post: {@code text}, then each attachment rendered as Markdown.
 */
public record MattermostPayload(String text, String username, String iconUrl, String channel,
        List<Attachment> attachments) {
    /** One of Mattermost's message attachments; any field may be absent (null). */
    public record Attachment(String fallback, String color, String pretext, String authorName, String authorLink,
            String title, String titleLink, String text, List<Field> fields, String imageUrl, String footer) {}

    /** A field of an attachment: {@code short} ones sit side by side in Mattermost; here, one per line. */
    public record Field(String title, String value, boolean isShort) {}

    /** The longest body we accept, as Mattermost (16383 characters); longer text is a 400, not cut. */
    public static final int MAX_TEXT = 16_383;

    public MattermostPayload {
        attachments = List.copyOf(attachments);
    }

    /** Parses a request body; {@code contentType} may be null. */
    public static MattermostPayload parse(String contentType, byte[] body) {
        var raw = new String(body, StandardCharsets.UTF_8);
        // `curl -d '{"text": …}' URL` sends its JSON as a form without a field name: a form body that is a JSON
        // object is taken as JSON, so the one-liner works without -H 'Content-Type: application/json'.
        var json = isForm(contentType) && !raw.strip().startsWith("{") ? formPayload(raw) : raw;
        if (json == null || json.isBlank()) {
            throw new ApiException.Invalid("Unable to parse incoming data: the body is empty");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ApiException.Invalid("Unable to parse incoming data: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ApiException.Invalid("Unable to parse incoming data: expected a JSON object");
        }
        var payload = new MattermostPayload(string(node, "text"), string(node, "username"), string(node, "icon_url"),
                string(node, "channel"), attachments(node.get("attachments")));
        if (blank(payload.text()) && payload.attachments().isEmpty()) {
            throw new ApiException.Invalid("No text specified");
        }
        if (payload.body().length() > MAX_TEXT) {
            throw new ApiException.Invalid("text is too long: at most " + MAX_TEXT + " characters");
        }
        return payload;
    }

    /** The Markdown to post: the text, then the attachments, separated by blank lines. */
    public String body() {
        var parts = new ArrayList<String>();
        if (!blank(text)) {
            parts.add(text.strip());
        }
        for (var attachment : attachments) {
            var rendered = AttachmentMarkdown.render(attachment);
            if (!rendered.isEmpty()) {
                parts.add(rendered);
            }
        }
        return String.join("\n\n", parts);
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded");
    }

    /** The {@code payload} field of a form body, or null. */
    private static String formPayload(String form) {
        for (var pair : form.split("&")) {
            var eq = pair.indexOf('=');
            var name = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(name).equals("payload")) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        throw new ApiException.Invalid("Unable to parse incoming data: the form has no payload field");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException.Invalid("Unable to parse incoming data: malformed form encoding");
        }
    }

    private static List<Attachment> attachments(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ApiException.Invalid("Unable to parse incoming data: attachments must be an array");
        }
        var out = new ArrayList<Attachment>();
        for (var a : node) {
            if (!a.isObject()) {
                throw new ApiException.Invalid("Unable to parse incoming data: each attachment must be an object");
            }
            out.add(new Attachment(string(a, "fallback"), string(a, "color"), string(a, "pretext"),
                    string(a, "author_name"), string(a, "author_link"), string(a, "title"), string(a, "title_link"),
                    string(a, "text"), fields(a.get("fields")), string(a, "image_url"), string(a, "footer")));
        }
        return out;
    }

    private static List<Field> fields(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ApiException.Invalid("Unable to parse incoming data: attachment fields must be an array");
        }
        var out = new ArrayList<Field>();
        for (var f : node) {
            if (!f.isObject()) {
                throw new ApiException.Invalid("Unable to parse incoming data: each field must be an object");
            }
            var isShort = f.get("short");
            out.add(new Field(string(f, "title"), scalar(f, "value"), isShort != null && isShort.asBoolean(false)));
        }
        return out;
    }

    /** A string field; absent or null is null; another type is a 400 naming the field. */
    private static String string(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ApiException.Invalid("Unable to parse incoming data: " + field + " must be a string");
        }
        return value.asText();
    }

    /** Mattermost accepts numbers as field values ("value": 42); they are shown as written. */
    private static String scalar(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        throw new ApiException.Invalid("Unable to parse incoming data: " + field + " must be a string");
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
