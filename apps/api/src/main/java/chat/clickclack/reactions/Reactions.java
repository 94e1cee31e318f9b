package chat.clickclack.reactions;

import chat.clickclack.db.Database;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventStore.NewEvent;
import chat.clickclack.events.EventTypes;
import chat.clickclack.http.ApiException;
import chat.clickclack.messages.Messages;
import java.util.List;
import java.util.Map;

/** Reactions: one per (message, user, emoji); adding twice or removing what is not there changes nothing. */
public final class Reactions {
    /** The event written (null when nothing changed) and the message's reactions as the caller sees them. */
    public record Result(Event event, List<Reaction> reactions, boolean changed) {}

    public static final int MAX_EMOJI_LENGTH = 64;
    public static final int DEFAULT_MAX_EMOJI_PER_MESSAGE = 50;

    private final Database db;
    private final int maxEmojiPerMessage;

    /** {@code maxEmojiPerMessage}: how many different emoji one message may carry (Mattermost's default is 50). */
    public Reactions(Database db, int maxEmojiPerMessage) {
        this.db = db;
        this.maxEmojiPerMessage = maxEmojiPerMessage;
    }

    public Result add(String userId, String messageId, String emoji) {
        return change(userId, messageId, requireEmoji(emoji), true);
    }

    public Result remove(String userId, String messageId, String emoji) {
        return change(userId, messageId, requireEmoji(emoji), false);
    }

    private Result change(String userId, String messageId, String emoji, boolean add) {
        return db.write(tx -> {
            var c = tx.connection();
            var row = Messages.visible(c, userId, messageId);
            if (add && row.isDeleted()) {
                throw new ApiException.Conflict("cannot react to a deleted message");
            }
            // Unbounded distinct emoji let one member make every message (and every answer carrying it) huge.
            if (add && !ReactionStore.hasEmoji(c, messageId, emoji)
                    && ReactionStore.distinctEmoji(c, messageId) >= maxEmojiPerMessage) {
                throw new ApiException.Conflict("this message already has " + maxEmojiPerMessage
                        + " different reactions; react with one of those");
            }
            boolean changed = add
                    ? ReactionStore.add(c, messageId, userId, emoji)
                    : ReactionStore.remove(c, messageId, userId, emoji);
            var mine = ReactionStore.forMessage(c, messageId, userId);
            if (!changed) {
                return new Result(null, mine, false);
            }
            // The event carries only the emoji that changed: its size stays constant however many emoji exist.
            var event = EventStore.append(tx, new NewEvent(add ? EventTypes.REACTION_ADDED : EventTypes.REACTION_REMOVED,
                    row.workspaceId(), row.channelId(), row.channelSeq(), messageId,
                    Map.of("message_id", messageId, "user_id", userId, "emoji", emoji,
                            "reaction", ReactionStore.summary(c, messageId, emoji)), Messages.audience(c, row)));
            return new Result(event, mine, true);
        });
    }

    static String requireEmoji(String emoji) {
        if (emoji == null || emoji.isBlank()) {
            throw new ApiException.Invalid("emoji must not be empty");
        }
        var clean = emoji.strip();
        if (clean.length() > MAX_EMOJI_LENGTH || clean.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
            throw new ApiException.Invalid("emoji must be one emoji or a :short_name: of at most " + MAX_EMOJI_LENGTH + " characters");
        }
        return clean;
    }
}
