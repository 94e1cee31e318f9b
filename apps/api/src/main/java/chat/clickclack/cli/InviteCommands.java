package chat.clickclack.cli;

import chat.clickclack.db.Settings;
import chat.clickclack.workspaces.Invites;
import chat.clickclack.workspaces.WorkspaceRoutes;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** clickclack admin invite …. */
@Command(name = "invite", description = "Manage workspace invites.",
        footerHeading = "%nExample:%n", footer = "  clickclack admin invite create --workspace crustacean-labs --url",
        subcommands = InviteCommands.Create.class)
final class InviteCommands extends CommandGroup {
    @Mixin
    HelpOption help;

    @Command(name = "create", description = {
            "Create an invite and print its token alone on one line; the invite link (/app/invite/TOKEN, opened in a"
                    + " browser to join) goes to stderr, or to stdout instead of the token with --url.",
            "The link starts with public_url; without it, with the address the server last listened on."},
            footerHeading = "%nExample:%n",
            footer = "  clickclack admin invite create --workspace crustacean-labs --expires 2d --max-uses 10 --url")
    static final class Create implements Callable<Integer> {
        record Issued(String token, String listenUrl) {}

        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Option(names = "--workspace", required = true, paramLabel = "WORKSPACE", description = "Workspace id, slug or exact name.")
        String workspace;

        @Option(names = "--expires", defaultValue = "7d", paramLabel = "DURATION",
                description = "How long it works: e.g. 30m, 12h, 7d (default: ${DEFAULT-VALUE}).")
        String expires;

        @Option(names = "--max-uses", paramLabel = "N", description = "How many people may join with it (default: no limit).")
        Long maxUses;

        @Option(names = "--url", description = "Print the invite link instead of the bare token.")
        boolean url;

        @Override
        public Integer call() {
            var ttl = duration(expires);
            var config = storage.load(Map.of());
            var issued = AdminCommands.withDatabase(config, db -> {
                var workspaceId = db.read(c -> WorkspaceCommands.resolve(c, workspace));
                var token = new Invites(db).create(workspaceId, null, ttl, maxUses).token();
                return new Issued(token, db.read(c -> Settings.get(c, Settings.LISTEN_URL).orElse(null)));
            });
            var link = WorkspaceRoutes.inviteLink(LinkBase.of(config, issued.listenUrl()), issued.token());
            if (url) {
                System.out.println(link);
            } else {
                System.out.println(issued.token());
                System.err.println("invite link: " + link);
            }
            return 0;
        }

        /** "30m", "12h", "7d" → a Duration; a clear error otherwise. */
        static Duration duration(String raw) {
            var text = raw.trim().toLowerCase(Locale.ROOT);
            if (!text.matches("\\d{1,6}[mhd]")) {
                throw new IllegalArgumentException("--expires must look like 30m, 12h or 7d, got '" + raw + "'");
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
    }
}
