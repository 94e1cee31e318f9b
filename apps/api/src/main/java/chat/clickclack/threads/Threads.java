package chat.clickclack.threads;

import chat.clickclack.db.Database;
import chat.clickclack.events.Event;
import chat.clickclack.messages.Message;
import chat.clickclack.messages.MessagePosting;
import chat.clickclack.messages.MessageStore;
import chat.clickclack.messages.MessageViews;
import chat.clickclack.messages.Messages;
import java.util.List;

/**
 * Slack-style threads, one level deep: every root message may have replies, replies have none.
 * A reply (posted by {@link MessagePosting}, like a root) writes two events in its transaction:
 * thread.reply_created (with the reply) and thread.state_updated (with the root's new summary), so
 * timelines and open thread panes both update.
 */
public final class Threads {
    /** A thread: its root, the replies in order, and the summary. */
    public record Thread(Message root, List<Message> replies, ThreadState threadState) {}

    /** A posted reply; {@code created} is false on a nonce replay. */
    public record Replied(Message message, ThreadState threadState, List<Event> events, boolean created) {}

    public static final int MAX_REPLIES = 1000;

    private final Database db;
    private final MessagePosting posting;

    public Threads(Database db, MessagePosting posting) {
        this.db = db;
        this.posting = posting;
    }

    /** The thread of a root message with its first {@code limit} replies; a reply's id opens its root's thread. */
    public Thread get(String userId, String messageId, int limit) {
        return db.read(c -> {
            var row = Messages.visible(c, userId, messageId);
            var root = row.isRoot() ? row : MessageStore.byId(c, row.threadRootId()).orElseThrow();
            var rootView = MessageViews.of(c, root, userId);
            var replies = MessageViews.of(c, MessageStore.replies(c, root.id(), limit), userId);
            return new Thread(rootView, replies, rootView.threadState());
        });
    }

    /** Posts a reply to a root message, through the one posting path ({@link MessagePosting}). */
    public Replied reply(String userId, String rootId, String rawBody, String rawNonce) {
        return reply(userId, rootId, rawBody, rawNonce, List.of());
    }

    /** Like {@link #reply(String, String, String, String)}, attaching the author's uploads in the same write. */
    public Replied reply(String userId, String rootId, String rawBody, String rawNonce, List<String> uploadIds) {
        var sent = posting.post(userId, new MessagePosting.Target.ThreadReply(rootId), rawBody, rawNonce, uploadIds);
        return new Replied(sent.message(), sent.threadState(), sent.events(), sent.created());
    }
}
