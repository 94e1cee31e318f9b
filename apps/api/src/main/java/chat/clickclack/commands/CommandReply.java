package chat.clickclack.commands;

import chat.clickclack.http.ApiException;
import chat.clickclack.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * A command's reply, Mattermost-shaped: {@code {"response_type": "in_channel" | "ephemeral", "text": …}}.
 * Without a response_type it is ephemeral, as in Mattermost. A callback may also answer plain text (an
 * ephemeral note) or nothing at all (nothing is shown).
 */
record CommandReply(boolean inChannel, String text) {
    static final int MAX_TEXT = 16_383;

    /** Reads a JSON reply; 400 naming what is wrong. */
    static CommandReply parseJson(byte[] body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new ApiException.Invalid("the reply must be JSON like {\"response_type\": \"in_channel\", \"text\": \"…\"}");
        }
        if (node == null || !node.isObject()) {
            throw new ApiException.Invalid("the reply must be a JSON object like {\"text\": \"…\"}");
        }
        var type = node.get("response_type");
        boolean inChannel = false;
        if (type != null && !type.isNull()) {
            if (!type.isTextual() || !(type.asText().equals("in_channel") || type.asText().equals("ephemeral"))) {
                throw new ApiException.Invalid("response_type must be in_channel or ephemeral");
            }
            inChannel = type.asText().equals("in_channel");
        }
        var text = node.get("text");
        if (text != null && !text.isNull() && !text.isTextual()) {
            throw new ApiException.Invalid("text must be a string");
        }
        var value = text == null || text.isNull() ? "" : text.asText();
        if (value.length() > MAX_TEXT) {
            throw new ApiException.Invalid("text is too long (at most " + MAX_TEXT + " characters)");
        }
        return new CommandReply(inChannel, value.strip());
    }

    /** Reads a callback's answer: JSON when it is JSON, otherwise its text as an ephemeral note. */
    static CommandReply parseAnswer(String contentType, String body) {
        var trimmed = body == null ? "" : body.strip();
        if (trimmed.isEmpty()) {
            return new CommandReply(false, "");
        }
        boolean json = (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json"))
                || trimmed.startsWith("{");
        if (!json) {
            return new CommandReply(false, trimmed.length() > MAX_TEXT ? trimmed.substring(0, MAX_TEXT) : trimmed);
        }
        return parseJson(trimmed.getBytes(StandardCharsets.UTF_8));
    }
}
