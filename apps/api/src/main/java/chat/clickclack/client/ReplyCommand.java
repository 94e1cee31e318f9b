package chat.clickclack.client;

import chat.clickclack.cli.HelpOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** clickclack reply: answer in a message's thread. */
@Command(name = "reply", description = {
        "Reply in the thread of a message (a root message: replies to replies are refused); prints the reply's "
        + "id (--json: the reply). TEXT '-' reads the body from stdin."},
        footerHeading = "%nExample:%n", footer = "  clickclack reply msg_01JD3Q8R5T0000000000000000 'on it'")
public final class ReplyCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    ClientOptions options;

    @Parameters(index = "0", paramLabel = "MESSAGE_ID", description = "The root message (msg_…).")
    String messageId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The reply, or - for stdin.")
    List<String> text;

    @Option(names = "--nonce", paramLabel = "NONCE", description = "Idempotency key (default: a fresh one per run).")
    String nonce;

    @Override
    public Integer call() {
        var body = MessageText.body(text);
        var session = options.connect();
        var replied = session.client().postRetrying("/api/messages/" + messageId.strip() + "/thread/replies",
                Map.of("body", body, "nonce", MessageText.nonce(nonce)));
        var message = replied.path("message");
        session.out().either(message, message.path("id").asText());
        return 0;
    }
}
