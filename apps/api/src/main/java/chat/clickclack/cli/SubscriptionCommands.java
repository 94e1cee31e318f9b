package chat.clickclack.cli;

import chat.clickclack.callbacks.CallbackGuard;
import chat.clickclack.http.ApiException;
import chat.clickclack.subscriptions.EventSubscriptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** clickclack admin subscription …: outgoing event subscriptions, from the operator's shell. */
@Command(name = "subscription", description = "Manage outgoing event subscriptions (signed POSTs of durable events).",
        footerHeading = "%nExample:%n",
        footer = "  SECRET=$(clickclack admin subscription create --workspace crustacean-labs --url https://bots.example.com/events)",
        subcommands = {SubscriptionCommands.Create.class, SubscriptionCommands.ListAll.class,
            SubscriptionCommands.Pause.class, SubscriptionCommands.Resume.class, SubscriptionCommands.Delete.class})
final class SubscriptionCommands extends CommandGroup {
    @Mixin
    HelpOption help;

    @Command(name = "create", description = {
            "Subscribe URL to a workspace's durable events from now on: each is POSTed, signed, in order and at "
            + "least once. Prints the signing secret (ccs_…) alone on one line (shown only this once). The URL must "
            + "be http(s) to a public address unless its host is in allowed_callback_hosts."},
            footerHeading = "%nExample:%n",
            footer = {"  SECRET=$(clickclack admin subscription create --workspace crustacean-labs \\",
                "      --url https://bots.example.com/events --events message.created,reaction.added)"})
    static final class Create implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Option(names = "--workspace", required = true, paramLabel = "WORKSPACE", description = "Workspace id, slug or exact name.")
        String workspace;

        @Option(names = "--url", required = true, paramLabel = "URL", description = "The callback URL (http or https).")
        String url;

        @Option(names = "--events", split = ",", paramLabel = "TYPE", defaultValue = "*",
                description = "Event types, comma-separated (default: * for every durable type).")
        List<String> events;

        @Override
        public Integer call() {
            var config = storage.load(Map.of());
            var checkedUrl = new CallbackGuard(config.callbacks().allowedHosts()).requireSafe("url", url).toString();
            var types = EventSubscriptions.types(events);
            var created = AdminCommands.withDatabase(config, db -> db.write(tx -> EventSubscriptions.insert(
                    tx.connection(), WorkspaceCommands.resolve(tx.connection(), workspace), checkedUrl, types, null)));
            var sub = created.subscription();
            System.err.println("subscription " + sub.id() + " sends " + String.join(",", sub.eventTypes()) + " to "
                    + sub.url() + " from event " + sub.cursor() + " on");
            System.out.println(created.secret());
            return 0;
        }
    }

    @Command(name = "list", description = "List a workspace's subscriptions, one per line: id, status, event types, URL.",
            footerHeading = "%nExample:%n", footer = "  clickclack admin subscription list --workspace crustacean-labs")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Option(names = "--workspace", required = true, paramLabel = "WORKSPACE", description = "Workspace id, slug or exact name.")
        String workspace;

        @Override
        public Integer call() {
            var subs = AdminCommands.withDatabase(storage, db -> db.read(c ->
                    EventSubscriptions.inWorkspace(c, WorkspaceCommands.resolve(c, workspace))));
            for (var sub : subs) {
                System.out.println(sub.id() + "\t" + sub.status() + "\t" + String.join(",", sub.eventTypes()) + "\t"
                        + sub.url());
            }
            return 0;
        }
    }

    @Command(name = "pause", description = "Stop sending to a subscription for now; resume delivers what it missed.",
            footerHeading = "%nExample:%n", footer = "  clickclack admin subscription pause sub_01J…")
    static final class Pause implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Parameters(index = "0", paramLabel = "SUBSCRIPTION_ID", description = "The subscription (sub_…).")
        String id;

        @Override
        public Integer call() {
            setActive(storage, id, false);
            System.err.println("subscription " + id + " paused");
            return 0;
        }
    }

    @Command(name = "resume", description = {
            "Send to a paused subscription again, from where it stopped: what happened meanwhile is delivered "
            + "first, in order."},
            footerHeading = "%nExample:%n", footer = "  clickclack admin subscription resume sub_01J…")
    static final class Resume implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Parameters(index = "0", paramLabel = "SUBSCRIPTION_ID", description = "The subscription (sub_…).")
        String id;

        @Override
        public Integer call() {
            setActive(storage, id, true);
            System.err.println("subscription " + id + " active again");
            return 0;
        }
    }

    private static void setActive(StorageOptions storage, String id, boolean active) {
        if (!AdminCommands.withDatabase(storage, db -> db.write(tx -> EventSubscriptions.setActive(tx.connection(), id,
                active)))) {
            throw new ApiException.NotFound("event subscription " + id);
        }
    }

    @Command(name = "delete", description = "Delete a subscription and its delivery log; nothing more is sent to it.",
            footerHeading = "%nExample:%n", footer = "  clickclack admin subscription delete sub_01J…")
    static final class Delete implements Callable<Integer> {
        @Mixin
        HelpOption help;

        @Mixin
        StorageOptions storage;

        @Parameters(index = "0", paramLabel = "SUBSCRIPTION_ID", description = "The subscription (sub_…).")
        String id;

        @Override
        public Integer call() {
            if (!AdminCommands.withDatabase(storage, db -> db.write(tx -> EventSubscriptions.remove(tx.connection(), id)))) {
                throw new ApiException.NotFound("event subscription " + id);
            }
            System.err.println("subscription " + id + " deleted");
            return 0;
        }
    }
}
