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

    private final Database db;

    public Reactions(Database db) {
        this.db = db;
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
            boolean changed = add
                    ? ReactionStore.add(c, messageId, userId, emoji)
                    : ReactionStore.remove(c, messageId, userId, emoji);
            var mine = ReactionStore.forMessage(c, messageId, userId);
            if (!changed) {
                return new Result(null, mine, false);
            }
            var counts = mine.stream().map(r -> Map.of("emoji", r.emoji(), "count", r.count())).toList();
            var event = EventStore.append(tx, new NewEvent(add ? EventTypes.REACTION_ADDED : EventTypes.REACTION_REMOVED,
                    row.workspaceId(), row.channelId(), row.channelSeq(), messageId,
                    Map.of("message_id", messageId, "user_id", userId, "emoji", emoji, "reactions", counts)));
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
