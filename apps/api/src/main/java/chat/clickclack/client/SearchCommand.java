package chat.clickclack.client;

import chat.clickclack.cli.HelpOption;
import java.util.HashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** clickclack search: full-text search over what you may read. */
@Command(name = "search", description = {
        "Search messages you may read in the workspace (words, \"phrases\", prefix*, from:@ari, in:#ops, "
        + "before:/after:DATE, has:link, is:thread; see docs/api.md). --json: one {message, rank, snippet} per line."},
        footerHeading = "%nExample:%n", footer = {
                "  clickclack search 'deploy fail* in:#ops'",
                "  clickclack search 'from:@ari' --sort recent --limit 5 --json | jq -r .message.body"})
public final class SearchCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    ClientOptions options;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "QUERY", description = "What to find (words are joined by spaces).")
    java.util.List<String> query;

    @Option(names = "--channel", paramLabel = "CHANNEL", description = "Only this channel (#name or id).")
    String channel;

    @Option(names = "--sort", paramLabel = "ORDER", description = "relevance (default) or recent.")
    String sort;

    @Option(names = "--limit", paramLabel = "N", description = "At most N results, 1-100 (default 20).", defaultValue = "20")
    int limit;

    @Override
    public Integer call() {
        var session = options.connect();
        var channelId = channel == null ? null : Names.channel(session, channel).path("id").asText();
        var found = session.client().get("/api/search", ChatClient.query("workspace_id", session.workspaceId(),
                "q", String.join(" ", query), "channel_id", channelId, "sort", sort, "limit", Integer.toString(limit)));
        var channelNames = new HashMap<String, String>();
        if (!session.out().json() && !found.path("results").isEmpty()) {
            for (var c : session.client().get("/api/workspaces/" + session.workspaceId() + "/channels").path("channels")) {
                channelNames.put(c.path("id").asText(), "#" + c.path("name").asText());
            }
        }
        for (var result : found.path("results")) {
            var message = result.path("message");
            var where = channelNames.getOrDefault(message.path("channel_id").asText(""), "(direct message)");
            session.out().either(result, where + " " + MessageText.line(message));
        }
        return 0;
    }
}
