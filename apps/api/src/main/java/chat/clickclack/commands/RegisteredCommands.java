package chat.clickclack.commands;

import chat.clickclack.bots.Bots;
import chat.clickclack.callbacks.CallbackGuard;
import chat.clickclack.db.Database;
import chat.clickclack.db.Tx;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.DisplayText;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import chat.clickclack.workspaces.Membership;
import chat.clickclack.workspaces.Role;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Registered slash commands: {@code /deploy} → a callback URL, per workspace, managed by its owners and
 * moderators. Each command posts its in-channel replies as its own bot account (like an incoming webhook), so
 * a reply never passes for a person. The secret that signs its callbacks is shown once, at registration or
 * rotation. Invoking one is {@link CommandCallbacks}' job.
 */
public final class RegisteredCommands {
    private static final Pattern TRIGGER = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    static final int MAX_DESCRIPTION = 200;
    static final int MAX_USAGE_HINT = 100;

    /** A command and its secret: the answer to registration and rotation only. */
    public record WithSecret(CommandView command, String secret) {}

    /** What registration needs. */
    public record Registration(String trigger, String url, String description, String usageHint) {}

    private final Database db;
    private final CallbackGuard guard;

    public RegisteredCommands(Database db, CallbackGuard guard) {
        this.db = db;
        this.guard = guard;
    }

    /** Built-ins, then the workspace's live commands (any member; the details for managers). */
    public List<CommandView> list(String actorId, String workspaceId) {
        return db.read(c -> {
            var role = Membership.require(c, workspaceId, actorId);
            var out = new ArrayList<CommandView>();
            BuiltinCommands.ALL.forEach(b -> out.add(CommandView.of(b)));
            for (var cmd : CommandStore.liveInWorkspace(c, workspaceId)) {
                out.add(CommandView.of(cmd, Role.moderates(role)));
            }
            return out;
        });
    }

    /** Registers a command (owners and moderators). */
    public WithSecret register(String actorId, String workspaceId, Registration input) {
        var checked = check(input);
        return db.write(tx -> {
            Membership.requireModerator(tx.connection(), workspaceId, actorId);
            return register(tx, workspaceId, checked, actorId);
        });
    }

    /** Validates a registration: the trigger's form, the URL's safety, the texts' lengths. */
    public Registration check(Registration input) {
        return check(guard, input);
    }

    /** Like {@link #check(Registration)} with this guard (the admin CLI reads it from the configuration). */
    public static Registration check(CallbackGuard guard, Registration input) {
        var trigger = trigger(input.trigger());
        var url = guard.requireSafe("url", input.url()).toString();
        return new Registration(trigger, url, text("description", input.description(), MAX_DESCRIPTION),
                text("usage_hint", input.usageHint(), MAX_USAGE_HINT));
    }

    /** Registers a checked command in the caller's transaction (the admin CLI uses this too). */
    public static WithSecret register(Tx tx, String workspaceId, Registration checked, String createdBy)
            throws SQLException {
        var c = tx.connection();
        if (BuiltinCommands.isBuiltin(checked.trigger())) {
            throw new ApiException.Conflict("/" + checked.trigger() + " is a built-in command");
        }
        if (CommandStore.live(c, workspaceId, checked.trigger()).isPresent()) {
            throw new ApiException.Conflict("/" + checked.trigger() + " is already registered in this workspace");
        }
        var bot = Bots.createAccount(tx, workspaceId, createdBy, checked.trigger(), null);
        var secret = Ids.secret("ccs_");
        var cmd = new RegisteredCommand(Ids.next("cmd"), workspaceId, checked.trigger(), checked.url(),
                checked.description(), checked.usageHint(), secret, bot.id(), createdBy, Times.now(), null);
        CommandStore.insert(c, cmd);
        return new WithSecret(CommandView.of(cmd, true), secret);
    }

    /** Revokes a command: its trigger is free again and its response URLs answer 404. Again: no change. */
    public CommandView revoke(String actorId, String commandId) {
        return db.write(tx -> {
            var c = tx.connection();
            var cmd = CommandStore.byId(c, commandId).orElseThrow(() -> new ApiException.NotFound("command"));
            Membership.requireModerator(c, cmd.workspaceId(), actorId);
            CommandStore.revoke(c, commandId, Times.now());
            return CommandView.of(CommandStore.byId(c, commandId).orElseThrow(), true);
        });
    }

    /** A new secret, shown once; the old one stops signing at once. 409 for a revoked command. */
    public WithSecret rotate(String actorId, String commandId) {
        return db.write(tx -> {
            var c = tx.connection();
            var cmd = CommandStore.byId(c, commandId).orElseThrow(() -> new ApiException.NotFound("command"));
            Membership.requireModerator(c, cmd.workspaceId(), actorId);
            var secret = Ids.secret("ccs_");
            if (!CommandStore.rotate(c, commandId, secret)) {
                throw new ApiException.Conflict("this command is revoked; register it again");
            }
            return new WithSecret(CommandView.of(cmd, true), secret);
        });
    }

    static String trigger(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ApiException.Invalid("trigger is required, e.g. deploy");
        }
        var t = raw.strip();
        t = (t.startsWith("/") ? t.substring(1) : t).toLowerCase(Locale.ROOT);
        if (!TRIGGER.matcher(t).matches()) {
            throw new ApiException.Invalid("trigger must be 1-32 of a-z, 0-9, '-' and '_', e.g. deploy");
        }
        return t;
    }

    private static String text(String field, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        var t = raw.strip();
        if (t.length() > max) {
            throw new ApiException.Invalid(field + " must be at most " + max + " characters");
        }
        return DisplayText.require(field, t);
    }
}
