package chat.clickclack.commands;

/** A registered slash command as stored; {@code secret} signs its callbacks and never leaves in a listing. */
record RegisteredCommand(String id, String workspaceId, String trigger, String url, String description,
        String usageHint, String secret, String botId, String createdBy, String createdAt, String revokedAt) {}
