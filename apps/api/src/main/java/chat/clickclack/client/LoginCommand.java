package chat.clickclack.client;

import chat.clickclack.cli.HelpOption;
import chat.clickclack.http.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** clickclack login: check a token against a server and save it as a profile. */
@Command(name = "login", description = {
        "Sign the chat commands in: checks the token with GET /api/me and saves url, token and workspace as a "
        + "profile in $XDG_CONFIG_HOME/clickclack/config.json (else ~/.config/clickclack/), readable by you only. "
        + "Without --token the token is read from stdin, or asked for (not echoed) at a terminal."},
        footerHeading = "%nExample:%n", footer = {
                "  clickclack login --url https://chat.example.com --token \"$TOKEN\"",
                "  clickclack admin token create --email ari@example.com | clickclack login --url http://localhost:8080"})
public final class LoginCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    ClientOptions options;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The server, e.g. https://chat.example.com.")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", description = "A bearer token (admin token create) or a bot token (ccb_…).")
    String token;

    @Option(names = "--workspace", paramLabel = "WORKSPACE", description = "Workspace id, slug or name (default: your only or first one).")
    String workspace;

    @Override
    public Integer call() {
        var base = ChatClient.stripTrailingSlash(url.strip());
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw ClientException.usage("--url must start with http:// or https://");
        }
        var secret = token != null ? token.strip() : readToken();
        if (secret.isBlank()) {
            throw ClientException.usage("no token given (--token, stdin or the prompt)");
        }
        var client = new ChatClient(base, secret);
        var user = client.get("/api/me").path("user");
        var chosen = Workspaces.resolve(client, workspace);
        var store = ProfileStore.fromEnvironment(System.getenv());
        var name = options.loginProfileName();
        store.save(name, new Profile(base, secret, chosen.path("id").asText()));
        var out = options.output();
        var result = Json.MAPPER.createObjectNode();
        result.set("user", user);
        result.set("workspace", chosen);
        result.put("profile", name);
        result.put("config", store.file().toString());
        out.either(result, "logged in to " + base + " as @" + user.path("handle").asText() + " in "
                + chosen.path("slug").asText(chosen.path("id").asText()) + " (profile " + name + ", " + store.file() + ")");
        return 0;
    }

    /**
     * The token from a terminal prompt without echo, else the first line of stdin (for pipes and CI). On JDK 22+
     * {@code System.console()} exists even when stdin is a pipe, so {@code isTerminal()} (looked up by name: the
     * code is compiled for Java 21) tells the two apart.
     */
    private static String readToken() {
        var console = System.console();
        if (console != null && isTerminal(console)) {
            var typed = console.readPassword("Token: ");
            return typed == null ? "" : new String(typed).strip();
        }
        try {
            var line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line.strip();
        } catch (IOException e) {
            throw ClientException.error("cannot read the token from stdin: " + e.getMessage());
        }
    }

    private static boolean isTerminal(java.io.Console console) {
        try {
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console exists only for a terminal
        }
    }
}
