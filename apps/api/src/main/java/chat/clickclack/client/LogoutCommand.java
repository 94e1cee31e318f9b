package chat.clickclack.client;

import chat.clickclack.cli.HelpOption;
import chat.clickclack.http.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * clickclack logout: revoke the saved profile's token on the server, then forget the profile. When the server
 * cannot be reached the profile is kept, so the token is not lost while it still works.
 */
@Command(name = "logout", description = {
        "Sign out: revokes the saved profile's token on the server (POST /api/auth/logout), then deletes the profile "
        + "from the config file. If the server cannot be reached the profile is kept; --keep-token forgets it "
        + "locally without revoking (for a token that is also used elsewhere). Bot tokens are never revoked "
        + "here: a workspace admin revokes them (Integrations, or POST /api/bot-tokens/{id}/revoke)."},
        footerHeading = "%nExample:%n", footer = {"  clickclack logout", "  clickclack logout --profile work --keep-token"})
public final class LogoutCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    ClientOptions options;

    @Option(names = "--keep-token", description = "Only forget the profile; the token stays valid on the server.")
    boolean keepToken;

    /** What happened to the token on the server. */
    enum Revocation {
        REVOKED("token revoked"),
        ALREADY_INVALID("the token was no longer valid"),
        KEPT("token kept on the server"),
        BOT_TOKEN("bot token kept: an admin revokes it");

        final String text;

        Revocation(String text) {
            this.text = text;
        }
    }

    @Override
    public Integer call() {
        var store = ProfileStore.fromEnvironment(System.getenv());
        var name = options.profileName(store, System.getenv());
        var profile = store.load(name)
                .orElseThrow(() -> ClientException.notFound("no profile '" + name + "' in " + store.file()));
        var revocation = keepToken ? Revocation.KEPT : revoke(profile);
        store.remove(name);
        var json = Json.MAPPER.createObjectNode().put("profile", name)
                .put("revoked", revocation == Revocation.REVOKED)
                .put("outcome", revocation.name().toLowerCase(java.util.Locale.ROOT));
        options.output().either(json, "logged out: " + revocation.text + ", profile " + name + " removed from "
                + store.file());
        return 0;
    }

    private static Revocation revoke(Profile profile) {
        if (profile.token().startsWith("ccb_")) {
            return Revocation.BOT_TOKEN;
        }
        try {
            new ChatClient(profile.url(), profile.token()).post("/api/auth/logout", null);
            return Revocation.REVOKED;
        } catch (ClientException e) {
            if (e.exitCode() == ClientException.AUTH) {
                return Revocation.ALREADY_INVALID; // 401: revoked or expired already, nothing left to do
            }
            throw ClientException.error(e.getMessage() + "; the profile is kept (run logout again, or use "
                    + "--keep-token to forget it without revoking)");
        }
    }
}
