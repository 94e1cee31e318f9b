package chat.clickclack.threads;

import chat.clickclack.db.Database;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventStore.NewEvent;
import chat.clickclack.events.EventTypes;
import chat.clickclack.http.ApiException;
import chat.clickclack.messages.Message;
import chat.clickclack.messages.MessageBodies;
import chat.clickclack.messages.MessageStore;
import chat.clickclack.messages.MessageViews;
import chat.clickclack.messages.Messages;
import chat.clickclack.messages.StoredMessage;
import chat.clickclack.users.User;
import chat.clickclack.users.UserStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Slack-style threads, one level deep: every root message may have replies, replies have none.
 * A reply writes two events in its transaction: thread.reply_created (with the reply) and
 * thread.state_updated (with the root's new summary), so timelines and open thread panes both update.
 */
public final class Threads {
    /** A thread: its root, the replies in order, and the summary. */
    public record Thread(Message root, List<Message> replies, ThreadState threadState) {}

    /** A posted reply; {@code created} is false on a nonce replay. */
    public record Replied(Message message, ThreadState threadState, List<Event> events, boolean created) {}

    public static final int MAX_REPLIES = 1000;

    private final Database db;

    public Threads(Database db) {
        this.db = db;
    }

    /** The thread of a root message; asking with a reply's id opens its root's thread. */
    public Thread get(String userId, String messageId) {
        return db.read(c -> {
            var row = Messages.visible(c, userId, messageId);
            var root = row.isRoot() ? row : MessageStore.byId(c, row.threadRootId()).orElseThrow();
            var rootView = MessageViews.of(c, root, userId);
            var replies = MessageViews.of(c, MessageStore.replies(c, root.id(), MAX_REPLIES), userId);
            return new Thread(rootView, replies, rootView.threadState());
        });
    }

    public Replied reply(String userId, String rootId, String rawBody, String rawNonce) {
        var body = MessageBodies.require(rawBody);
        var nonce = MessageBodies.nonce(rawNonce);
        record Context(StoredMessage root, User author, Replied replay) {}
        var context = db.read(c -> {
            var root = Messages.visible(c, userId, rootId);
            if (!root.isRoot()) {
                throw new ApiException.Invalid("replies are one level deep: reply to the thread's root message");
            }
            Messages.writable(c, userId, root.channelId());
            var author = UserStore.byId(c, userId).orElseThrow(() -> new ApiException.NotFound("user"));
            return new Context(root, author, nonce == null ? null : replay(c, userId, nonce, rootId));
        });
        if (context.replay() != null) {
            return context.replay();
        }
        return db.write(tx -> {
            var c = tx.connection();
            if (nonce != null) {
                var again = replay(c, userId, nonce, rootId);
                if (again != null) {
                    return again;
                }
            }
            var root = context.root();
            var createdAt = chat.clickclack.ids.Times.now();
            var state = ThreadStore.recordReply(c, root.id(), userId, createdAt);
            var row = MessageStore.insert(c, root.workspaceId(), root.channelId(), userId, root.id(), null,
                    state.replyCount(), body, nonce);
            var message = MessageViews.view(row, context.author(), null, List.of());
            var replyEvent = EventStore.append(tx, new NewEvent(EventTypes.THREAD_REPLY_CREATED, root.workspaceId(),
                    root.channelId(), null, row.id(), Map.of("message_id", row.id(), "root_message_id", root.id(),
                            "author_id", userId, "message", message)));
            var stateEvent = EventStore.append(tx, new NewEvent(EventTypes.THREAD_STATE_UPDATED, root.workspaceId(),
                    root.channelId(), root.channelSeq(), root.id(),
                    Map.of("root_message_id", root.id(), "thread_state", state)));
            return new Replied(message, state, List.of(replyEvent, stateEvent), true);
        });
    }

    private static Replied replay(Connection c, String userId, String nonce, String rootId) throws SQLException {
        var existing = MessageStore.byNonce(c, userId, nonce);
        if (existing.isEmpty()) {
            return null;
        }
        var row = existing.get();
        if (!rootId.equals(row.parentMessageId())) {
            throw new ApiException.Conflict("nonce already used for another message");
        }
        var event = EventStore.firstAbout(c, row.id(), EventTypes.THREAD_REPLY_CREATED)
                .orElseThrow(() -> Messages.prunedReplay(row.id()));
        return new Replied(MessageViews.of(c, row, userId), ThreadStore.get(c, rootId), List.of(event), false);
    }
}
