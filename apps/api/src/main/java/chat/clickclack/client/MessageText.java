package chat.clickclack.client;

import chat.clickclack.ids.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Message bodies in (arguments or stdin) and messages out as one readable line. */
final class MessageText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private MessageText() {}

    /** The words joined by spaces, or stdin when the only word is {@code -} (a trailing newline dropped). */
    static String body(List<String> words) {
        String body;
        if (words.size() == 1 && words.getFirst().equals("-")) {
            try {
                body = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
            } catch (IOException e) {
                throw ClientException.error("cannot read stdin: " + e.getMessage());
            }
        } else {
            body = String.join(" ", words);
        }
        if (body.isBlank()) {
            throw ClientException.usage("the message is empty");
        }
        return body;
    }

    /** A fresh nonce per command run: a retry inside the run re-sends it, so the server keeps one message. */
    static String nonce(String given) {
        return given != null && !given.isBlank() ? given : Ids.next("cli");
    }

    /** {@code 2026-12-01 16:30 @ari: body 📎 file.png  [msg_…]}, continuation lines indented. */
    static String line(JsonNode message) {
        var time = message.path("created_at").asText("");
        String when;
        try {
            when = TIME.format(Instant.parse(time));
        } catch (RuntimeException e) {
            when = time;
        }
        var override = message.path("override_username").asText("");
        var who = override.isBlank() ? "@" + message.path("author").path("handle").asText("?") : override;
        var body = message.hasNonNull("deleted_at") ? "(deleted)" : message.path("body").asText("").replace("\n", "\n    ");
        var edited = message.hasNonNull("edited_at") && !message.hasNonNull("deleted_at") ? " (edited)" : "";
        var files = new StringBuilder();
        for (var attachment : message.path("attachments")) {
            files.append(files.isEmpty() && body.isEmpty() ? "" : " ").append("📎 ").append(attachment.path("filename").asText());
        }
        return when + " " + who + ": " + body + files + edited + "  [" + message.path("id").asText() + "]";
    }
}
