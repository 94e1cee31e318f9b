package chat.clickclack.cli;

import chat.clickclack.workspaces.WorkspaceStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** clickclack admin workspace …: find the workspaces other commands take with --workspace. */
@Command(name = "workspace", description = "List workspaces (their ids, slugs and names work wherever --workspace is taken).",
        footerHeading = "%nExample:%n", footer = "  clickclack admin workspace list",
        subcommands = WorkspaceCommands.ListWorkspaces.class)
final class WorkspaceCommands extends CommandGroup {
    @Mixin
    HelpOption help;

    /** The id behind an operator's --workspace: an id, a slug or an exact name. */
    static String resolve(Connection c, String ref) throws SQLException {
        return WorkspaceStore.resolve(c, ref.strip()).orElseThrow(() -> new IllegalArgumentException(
                "no workspace '" + ref + "': give its id, slug or exact name (see 'clickclack admin workspace list')"));
    }

    @Command(name = "list", description = {
            "Print every workspace: id, slug, members and name, one per line under a header."},
            footerHeading = "%nExample:%n", footer = "  clickclack admin workspace list --data ./data")
    static final class ListWorkspaces implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Override
        public Integer call() {
            var all = AdminCommands.withDatabase(storage, db -> db.read(WorkspaceStore::listAll));
            if (all.isEmpty()) {
                System.err.println("no workspaces yet: create the first with 'clickclack admin bootstrap'");
                return 0;
            }
            int slugWidth = Math.max(4, all.stream().mapToInt(w -> w.slug().length()).max().orElse(0));
            var format = "%-30s  %-" + slugWidth + "s  %7s  %s%n";
            System.out.printf(format, "ID", "SLUG", "MEMBERS", "NAME");
            for (var w : all) {
                System.out.printf(format, w.id(), w.slug(), w.members(), w.name());
            }
            return 0;
        }
    }
}
