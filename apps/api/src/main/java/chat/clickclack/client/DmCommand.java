package chat.clickclack.client;

import chat.clickclack.cli.HelpOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** clickclack dm: a direct message to a person. */
@Command(name = "dm", description = {
        "Send a direct message: opens (or creates) the conversation with that member and posts to it; prints the "
        + "message id (--json: the message). TEXT '-' reads the body from stdin."},
        footerHeading = "%nExample:%n", footer = "  clickclack dm @ari 'your build is green'")
public final class DmCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    ClientOptions options;

    @Parameters(index = "0", paramLabel = "PERSON", description = "@handle, handle or usr_… id.")
    String person;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The message, or - for stdin.")
    List<String> text;

    @Option(names = "--nonce", paramLabel = "NONCE", description = "Idempotency key (default: a fresh one per run).")
    String nonce;

    @Override
    public Integer call() {
        var body = MessageText.body(text);
        var session = options.connect();
        var user = Names.user(session, person);
        // The same member set is always the same conversation: this opens the existing one, or starts it.
        var conversation = session.client().post("/api/dms",
                Map.of("workspace_id", session.workspaceId(), "member_ids", List.of(user.path("id").asText())))
                .path("conversation");
        var posted = session.client().postRetrying("/api/dms/" + conversation.path("id").asText() + "/messages",
                Map.of("body", body, "nonce", MessageText.nonce(nonce)));
        var message = posted.path("message");
        session.out().either(message, message.path("id").asText());
        return 0;
    }
}
