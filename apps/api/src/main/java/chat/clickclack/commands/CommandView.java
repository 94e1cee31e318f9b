package chat.clickclack.commands;

/**
 * A slash command on the wire ({@code SlashCommand}): built-ins have no id; for a registered one the url, bot
 * and creator are shown to owners and moderators only (a URL may carry its own secret).
 */
public record CommandView(String trigger, String description, String usageHint, boolean builtin, String id, String url,
        String botId, String createdBy, String createdAt, String revokedAt) {

    static CommandView of(BuiltinCommands.Builtin b) {
        return new CommandView(b.trigger(), b.description(), b.usageHint(), true, null, null, null, null, null, null);
    }

    static CommandView of(RegisteredCommand c, boolean manager) {
        return manager
                ? new CommandView(c.trigger(), c.description(), c.usageHint(), false, c.id(), c.url(), c.botId(),
                        c.createdBy(), c.createdAt(), c.revokedAt())
                : new CommandView(c.trigger(), c.description(), c.usageHint(), false, c.id(), null, null, null, null,
                        c.revokedAt());
    }
}
