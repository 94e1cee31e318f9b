package chat.clickclack.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Channels and people as a person types them: {@code #general} (or {@code general}) and {@code @ari} (or
 * {@code ari}), as well as their ids ({@code chn_…}, {@code usr_…}). Unknown names end with exit code 4.
 */
final class Names {
    private Names() {}

    /** The channel (as the API serves it) that {@code name} means in the session's workspace. */
    static JsonNode channel(ChatSession session, String name) {
        var wanted = name.strip();
        if (wanted.startsWith("chn_")) {
            return session.client().get("/api/channels/" + wanted).path("channel");
        }
        var bare = (wanted.startsWith("#") ? wanted.substring(1) : wanted).toLowerCase(Locale.ROOT);
        var channels = session.client().get("/api/workspaces/" + session.workspaceId() + "/channels").path("channels");
        for (var channel : channels) {
            if (channel.path("name").asText().toLowerCase(Locale.ROOT).equals(bare)) {
                return channel;
            }
        }
        throw ClientException.notFound("no channel #" + bare + " in this workspace (see 'clickclack channels')");
    }

    /** The workspace member (a User) that {@code name} means. */
    static JsonNode user(ChatSession session, String name) {
        var wanted = name.strip();
        var byId = wanted.startsWith("usr_");
        var handle = (wanted.startsWith("@") ? wanted.substring(1) : wanted).toLowerCase(Locale.ROOT);
        var members = session.client().get("/api/workspaces/" + session.workspaceId() + "/members",
                byId ? java.util.Map.of() : ChatClient.query("q", handle)).path("members");
        for (var member : members) {
            var user = member.path("user");
            if (byId ? user.path("id").asText().equals(wanted) : user.path("handle").asText().equalsIgnoreCase(handle)) {
                return user;
            }
        }
        throw ClientException.notFound("no member " + (byId ? wanted : "@" + handle) + " in this workspace");
    }
}
