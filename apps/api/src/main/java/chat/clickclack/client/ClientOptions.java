package chat.clickclack.client;

import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every chat command shares, and how a command finds its server: CLICKCLACK_URL and CLICKCLACK_TOKEN
 * (and CLICKCLACK_WORKSPACE) override the stored profile, so a CI job needs no config file; otherwise the profile
 * named by --profile, CLICKCLACK_PROFILE or the one {@code login} saved last.
 */
public final class ClientOptions {
    @Option(names = "--json", description = "Print JSON: one object per line (per item for lists and streams).")
    boolean json;

    @Option(names = "--profile", paramLabel = "NAME", description = "Use this saved profile (default: the last one logged in; env CLICKCLACK_PROFILE).")
    String profile;

    public Output output() {
        return new Output(json);
    }

    /** The profile name to use: --profile, CLICKCLACK_PROFILE, the current one. */
    String profileName(ProfileStore store, Map<String, String> env) {
        if (profile != null && !profile.isBlank()) {
            return profile;
        }
        var fromEnv = env.get("CLICKCLACK_PROFILE");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : store.currentName();
    }

    /** The profile login saves to: --profile, CLICKCLACK_PROFILE, else "default" (never silently another one). */
    String loginProfileName() {
        if (profile != null && !profile.isBlank()) {
            return profile;
        }
        var fromEnv = System.getenv("CLICKCLACK_PROFILE");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : ProfileStore.DEFAULT_PROFILE;
    }

    /** The session for a command: server, token and workspace from the environment and the profile. */
    public ChatSession connect() {
        var env = System.getenv();
        var store = ProfileStore.fromEnvironment(env);
        var name = profileName(store, env);
        var saved = store.load(name);
        var url = nonBlank(env.get("CLICKCLACK_URL"), saved.map(Profile::url).orElse(null));
        // A saved token is only ever sent to the server it was saved for, never to another CLICKCLACK_URL.
        var sameServer = saved.filter(p -> url != null && p.url() != null
                && ChatClient.stripTrailingSlash(p.url()).equals(ChatClient.stripTrailingSlash(url)));
        var token = nonBlank(env.get("CLICKCLACK_TOKEN"), sameServer.map(Profile::token).orElse(null));
        if (url == null || token == null) {
            throw ClientException.auth(saved.isPresent() || profile == null
                    ? "not logged in: run 'clickclack login --url URL', or set CLICKCLACK_URL and CLICKCLACK_TOKEN"
                    : "no profile '" + name + "' in " + store.file() + ": run 'clickclack login --url URL --profile " + name + "'");
        }
        var client = new ChatClient(url, token);
        // A profile's workspace belongs to its server too.
        var savedWorkspace = sameServer.map(Profile::workspace).orElse(null);
        var workspace = Workspaces.pick(client, nonBlank(env.get("CLICKCLACK_WORKSPACE"), savedWorkspace));
        return new ChatSession(client, workspace.path("id").asText(), output());
    }

    private static String nonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second != null && !second.isBlank() ? second : null;
    }
}
