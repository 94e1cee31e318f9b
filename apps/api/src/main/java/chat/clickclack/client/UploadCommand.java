package chat.clickclack.client;

import chat.clickclack.cli.HelpOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** clickclack upload: post a file to a channel or a person. */
@Command(name = "upload", description = {
        "Upload a file and post it as a message's attachment in a channel (or a direct message with --to @handle); "
        + "prints the message id (--json: the message, its attachments included)."},
        footerHeading = "%nExample:%n", footer = {
                "  clickclack upload build/report.html --to '#ci' --message 'nightly report'",
                "  clickclack upload screenshot.png --to @ari"})
public final class UploadCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    ClientOptions options;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to upload.")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "WHERE", description = "#channel, chn_… id, or @handle / usr_… id for a direct message.")
    String to;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Text to post with the file (default: none).")
    String message;

    @Option(names = "--nonce", paramLabel = "NONCE", description = "Idempotency key for the message (default: a fresh one per run).")
    String nonce;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw ClientException.notFound("no such file: " + file);
        }
        var session = options.connect();
        var where = to.strip();
        var person = where.startsWith("@") || where.startsWith("usr_");
        // Resolve the destination first: a typo must not leave an orphan upload behind.
        var path = person ? dmMessagesPath(session, where)
                : "/api/channels/" + Names.channel(session, where).path("id").asText() + "/messages";
        var upload = session.client().postFile("/api/uploads", ChatClient.query("workspace_id", session.workspaceId()),
                "file", file).path("upload");
        var posted = session.client().postRetrying(path, Map.of("body", message == null ? "" : message,
                "nonce", MessageText.nonce(nonce), "upload_ids", List.of(upload.path("id").asText())));
        var sent = posted.path("message");
        session.out().either(sent, sent.path("id").asText());
        return 0;
    }

    private static String dmMessagesPath(ChatSession session, String person) {
        var user = Names.user(session, person);
        var conversation = session.client().post("/api/dms",
                Map.of("workspace_id", session.workspaceId(), "member_ids", List.of(user.path("id").asText())));
        return "/api/dms/" + conversation.path("conversation").path("id").asText() + "/messages";
    }
}
