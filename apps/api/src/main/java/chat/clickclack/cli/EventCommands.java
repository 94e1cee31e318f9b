package chat.clickclack.cli;

import chat.clickclack.events.EventRetention;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** clickclack admin events …. */
@Command(name = "events", description = "Maintain the event log.",
        footerHeading = "%nExample:%n", footer = "  clickclack admin events prune --older-than 30d",
        subcommands = EventCommands.Prune.class)
final class EventCommands extends CommandGroup {
    private static final Pattern DURATION = Pattern.compile("^(\\d+)([smhd])$");

    @Mixin
    HelpOption help;

    @Command(name = "prune", description = {
            "Delete events older than a duration (e.g. 30d, 12h, 0s). Messages stay; clients with older cursors resync."},
            footerHeading = "%nExample:%n", footer = "  clickclack admin events prune --older-than 30d")
    static final class Prune implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Option(names = "--older-than", required = true, paramLabel = "DURATION", description = "Age such as 30d, 12h or 45m.")
        String olderThan;

        @Override
        public Integer call() {
            var age = parseDuration(olderThan);
            var pruned = AdminCommands.withDatabase(storage, db -> EventRetention.pruneBefore(db, Instant.now().minus(age)));
            System.out.println("pruned " + pruned.deleted() + " event(s); cursors at or below " + pruned.floor()
                    + " now require a resync");
            return 0;
        }
    }

    static Duration parseDuration(String text) {
        var m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("duration must look like 30d, 12h, 45m or 10s, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
