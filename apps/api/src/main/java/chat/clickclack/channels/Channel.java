package chat.clickclack.channels;

/** A channel; {@code lastSeq} is the channel_seq of its newest root message (0 when empty). */
public record Channel(
        String id,
        String workspaceId,
        String name,
        String kind,
        String topic,
        String createdAt,
        String archivedAt,
        long lastSeq) {}
