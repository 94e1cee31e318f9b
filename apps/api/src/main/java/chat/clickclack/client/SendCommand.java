package chat.clickclack.client;

import chat.clickclack.cli.HelpOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** clickclack send: post a message to a channel. */
@Command(name = "send", description = {
        "Post a message (Markdown) to a channel; prints the new message's id (--json: the message). "
        + "TEXT '-' reads the body from stdin. A nonce makes a retried send post once."},
        footerHeading = "%nExample:%n", footer = {
                "  clickclack send '#general' 'deploy done :rocket:'",
                "  tail -n 50 build.log | clickclack send '#ci' -"})
public final class SendCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    ClientOptions options;

    @Parameters(index = "0", paramLabel = "CHANNEL", description = "#name, name or chn_… id.")
    String channel;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The message (words are joined by spaces), or - for stdin.")
    List<String> text;

    @Option(names = "--nonce", paramLabel = "NONCE", description = {
            "Idempotency key: sending again with the same nonce returns the first message instead of a second one "
            + "(default: a fresh one per run)."})
    String nonce;

    @Override
    public Integer call() {
        var body = MessageText.body(text);
        var session = options.connect();
        var target = Names.channel(session, channel);
        var posted = session.client().postRetrying("/api/channels/" + target.path("id").asText() + "/messages",
                Map.of("body", body, "nonce", MessageText.nonce(nonce)));
        var message = posted.path("message");
        session.out().either(message, message.path("id").asText());
        return 0;
    }
}
