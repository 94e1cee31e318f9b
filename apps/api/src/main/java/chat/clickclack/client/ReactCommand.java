package chat.clickclack.client;

import chat.clickclack.cli.HelpOption;
import chat.clickclack.imports.SlackEmoji;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** clickclack react: add an emoji reaction. */
@Command(name = "react", description = {
        "React to a message with an emoji, or a :shortcode: (common ones such as :lobster: or :+1: become the "
        + "emoji; others are kept as :name:, which the API accepts too). Reacting twice changes nothing. "
        + "Prints the emoji and its count (--json: the answer, {event?, reactions})."},
        footerHeading = "%nExample:%n", footer = {
                "  clickclack react msg_01JD3Q8R5T0000000000000000 🦞",
                "  clickclack react msg_01JD3Q8R5T0000000000000000 :white_check_mark:"})
public final class ReactCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    ClientOptions options;

    @Parameters(index = "0", paramLabel = "MESSAGE_ID", description = "The message (msg_…).")
    String messageId;

    @Parameters(index = "1", paramLabel = "EMOJI", description = "An emoji or a :shortcode:.")
    String emoji;

    @Override
    public Integer call() {
        var wanted = emoji(emoji);
        var session = options.connect();
        var answer = session.client().post("/api/messages/" + messageId.strip() + "/reactions", Map.of("emoji", wanted));
        long count = 0;
        for (var reaction : answer.path("reactions")) {
            if (reaction.path("emoji").asText().equals(wanted)) {
                count = reaction.path("count").asLong();
            }
        }
        session.out().either(answer, wanted + " " + count);
        return 0;
    }

    /** {@code :lobster:} → 🦞 for the names we know, so the CLI and the web app's picker store the same emoji. */
    static String emoji(String typed) {
        var clean = typed.strip();
        if (clean.length() > 2 && clean.startsWith(":") && clean.endsWith(":")) {
            return SlackEmoji.of(clean.substring(1, clean.length() - 1));
        }
        return clean;
    }
}
