package chat.clickclack.client;

import chat.clickclack.cli.HelpOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** clickclack logout: forget a saved profile (the token itself stays valid; revoke it on the server). */
@Command(name = "logout", description = {
        "Forget the saved profile (its token is deleted from the config file; it stays valid on the server "
        + "until revoked there, e.g. in the web app's sessions list)."},
        footerHeading = "%nExample:%n", footer = "  clickclack logout --profile work")
public final class LogoutCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    ClientOptions options;

    @Override
    public Integer call() {
        var store = ProfileStore.fromEnvironment(System.getenv());
        var name = options.profileName(store, System.getenv());
        if (!store.remove(name)) {
            throw ClientException.notFound("no profile '" + name + "' in " + store.file());
        }
        options.output().either(chat.clickclack.http.Json.MAPPER.createObjectNode().put("profile", name),
                "logged out (profile " + name + " removed from " + store.file() + ")");
        return 0;
    }
}
