package chat.clickclack.cli;

import chat.clickclack.auth.MagicLinks;
import chat.clickclack.db.Settings;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** clickclack admin magic-link …. */
@Command(name = "magic-link", description = "Sign-in links.",
        footerHeading = "%nExample:%n", footer = "  clickclack admin magic-link create --email peter@example.com --url",
        subcommands = MagicLinkCommands.Create.class)
final class MagicLinkCommands extends CommandGroup {
    @Mixin
    HelpOption help;

    @Command(name = "create", description = {
            "Create a one-time sign-in token (valid 15 minutes) and print it alone on one line; the sign-in URL goes to"
                    + " stderr, or to stdout instead of the token with --url.",
            "The URL starts with public_url; without it, with the address the server last listened on."},
            footerHeading = "%nExample:%n", footer = "  clickclack admin magic-link create --email peter@example.com --url")
    static final class Create implements Callable<Integer> {
        record Issued(String token, String listenUrl) {}

        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Option(names = "--email", required = true, description = "The user's email.")
        String email;

        @Option(names = "--url", description = "Print the sign-in URL instead of the bare token.")
        boolean url;

        @Override
        public Integer call() {
            var config = storage.load(Map.of());
            var issued = AdminCommands.withDatabase(config, db -> db.write(tx -> {
                var user = AdminCommands.userByEmail(tx.connection(), email);
                return new Issued(MagicLinks.issue(tx, user.id()), Settings.get(tx.connection(), Settings.LISTEN_URL).orElse(null));
            }));
            var link = LinkBase.of(config, issued.listenUrl()) + "/app/login?token=" + issued.token();
            if (url) {
                System.out.println(link);
            } else {
                System.out.println(issued.token());
                System.err.println("sign-in link (valid 15 minutes): " + link);
            }
            return 0;
        }
    }
}
