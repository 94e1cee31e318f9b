package chat.clickclack.client;

import chat.clickclack.cli.HelpOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** clickclack channels: the workspace's channels you can see. */
@Command(name = "channels", description = {
        "List the workspace's channels: #name, id, unread count and topic (archived ones flagged)."},
        footerHeading = "%nExample:%n", footer = {
                "  clickclack channels",
                "  clickclack channels --json | jq -r 'select(.unread_count > 0) | .name'"})
public final class ChannelsCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    ClientOptions options;

    @Override
    public Integer call() {
        var session = options.connect();
        var channels = session.client().get("/api/workspaces/" + session.workspaceId() + "/channels").path("channels");
        for (var channel : channels) {
            var archived = channel.hasNonNull("archived_at") ? " (archived)" : "";
            var privacy = "private".equals(channel.path("kind").asText()) ? " (private)" : "";
            session.out().either(channel, "#" + channel.path("name").asText() + "\t" + channel.path("id").asText()
                    + "\t" + channel.path("unread_count").asLong(0) + " unread" + archived + privacy
                    + "\t" + channel.path("topic").asText(""));
        }
        return 0;
    }
}
