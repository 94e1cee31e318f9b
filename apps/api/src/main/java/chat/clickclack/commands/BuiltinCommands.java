package chat.clickclack.commands;

import java.util.List;
import java.util.stream.Collectors;

/** The built-in commands with their descriptions: /help prints them, the composer autocompletes them. */
final class BuiltinCommands {
    record Builtin(String trigger, String usageHint, String description) {}

    static final List<Builtin> ALL = List.of(
            new Builtin("shrug", "[text]", "Post text followed by ¯\\_(ツ)_/¯"),
            new Builtin("me", "<action>", "Post an action, in italics"),
            new Builtin("topic", "<text>", "Set the channel's topic (empty clears it)"),
            new Builtin("status", "<molting|lurking|afk|clear|emoji text>", "Set or clear your status"),
            new Builtin("invite", "@handle", "Add someone to this channel"),
            new Builtin("leave", "", "Leave this channel"),
            new Builtin("help", "", "List the commands"));

    private BuiltinCommands() {}

    static boolean isBuiltin(String trigger) {
        return ALL.stream().anyMatch(b -> b.trigger().equals(trigger));
    }

    /** The /help text: built-ins, then the workspace's registered commands. */
    static String help(List<CommandView> registered) {
        var lines = ALL.stream().map(b -> line(b.trigger(), b.usageHint(), b.description()))
                .collect(Collectors.joining("\n", "Built-in commands:\n", ""));
        if (registered.isEmpty()) {
            return lines;
        }
        return lines + registered.stream().map(c -> line(c.trigger(), c.usageHint(), c.description()))
                .collect(Collectors.joining("\n", "\nThis workspace's commands:\n", ""));
    }

    private static String line(String trigger, String usage, String description) {
        return "/" + trigger + (usage.isEmpty() ? "" : " " + usage) + (description.isEmpty() ? "" : " — " + description);
    }
}
