package chat.clickclack.cli;

import chat.clickclack.auth.SessionStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** clickclack admin token …. */
@Command(name = "token", description = "Manage bearer tokens.",
        footerHeading = "%nExample:%n", footer = "  TOKEN=$(clickclack admin token create --email peter@example.com)",
        subcommands = TokenCommands.Create.class)
final class TokenCommands extends CommandGroup {
    @Mixin
    HelpOption help;

    @Command(name = "create", description = {
            "Create a bearer token for the user with this email; prints it alone on one line."},
            footerHeading = "%nExample:%n", footer = "  TOKEN=$(clickclack admin token create --email peter@example.com)")
    static final class Create implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Option(names = "--email", required = true, description = "The user's email.")
        String email;

        @Override
        public Integer call() {
            var token = AdminCommands.withDatabase(storage, db -> db.write(tx -> {
                var user = AdminCommands.userByEmail(tx.connection(), email);
                return SessionStore.issue(tx, user.id(), "bearer", null).token();
            }));
            System.out.println(token);
            return 0;
        }
    }
}
