package chat.clickclack.client;

import chat.clickclack.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * stdout for the chat commands: data only (notes and errors go to stderr), always UTF-8 whatever the locale says
 * (a lobster must not turn into '?' in a pipe), flushed line by line so {@code tail --follow | jq} sees each
 * message as it arrives. With {@code --json} a command prints compact JSON objects, one per line.
 */
public final class Output {
    private static final PrintStream STDOUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    private static final int BROKEN_PIPE_EXIT = 141;

    private final boolean json;

    public Output(boolean json) {
        this.json = json;
    }

    public boolean json() {
        return json;
    }

    /** One JSON object on its own line. */
    public void object(JsonNode node) {
        try {
            line(Json.MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line of text. */
    public void line(String text) {
        STDOUT.println(text);
        // PrintStream swallows write errors. When the reader went away ({@code tail -f | head -3}) there is no one
        // to print for: end as a process killed by SIGPIPE would (128 + 13), which the JVM itself never is.
        if (STDOUT.checkError()) {
            System.exit(BROKEN_PIPE_EXIT);
        }
    }

    /** The JSON object with --json, else the text line. */
    public void either(JsonNode node, String text) {
        if (json) {
            object(node);
        } else {
            line(text);
        }
    }

    /** A note for the person at the terminal, never mixed into the data. */
    public static void note(String text) {
        System.err.println(text);
    }
}
