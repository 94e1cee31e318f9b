package chat.clickclack.client;

import chat.clickclack.cli.HelpOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** clickclack thread: a message and its replies. */
@Command(name = "thread", description = {
        "Show a thread: the root message, then its replies oldest first (--json: one message per line, the root "
        + "first). A reply's id shows its whole thread too."},
        footerHeading = "%nExample:%n", footer = "  clickclack thread msg_01JD3Q8R5T0000000000000000 --json | jq -r .body")
public final class ThreadCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    ClientOptions options;

    @Parameters(index = "0", paramLabel = "MESSAGE_ID", description = "The root message or one of its replies (msg_…).")
    String messageId;

    @Override
    public Integer call() {
        var session = options.connect();
        var id = messageId.strip();
        var message = session.client().get("/api/messages/" + id).path("message");
        var rootId = message.path("thread_root_id").asText(id);
        var thread = session.client().get("/api/messages/" + rootId + "/thread");
        var root = thread.path("root");
        session.out().either(root, MessageText.line(root));
        for (var reply : thread.path("replies")) {
            session.out().either(reply, "  ↳ " + MessageText.line(reply));
        }
        return 0;
    }
}
