package chat.clickclack.messages;

import chat.clickclack.reactions.Reaction;
import chat.clickclack.reactions.ReactionStore;
import chat.clickclack.threads.ThreadState;
import chat.clickclack.threads.ThreadStore;
import chat.clickclack.uploads.Upload;
import chat.clickclack.uploads.UploadStore;
import chat.clickclack.users.User;
import chat.clickclack.users.UserStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Turns stored rows into served messages. A page of 100 messages costs four extra queries
 * (authors, thread states, reactions, attachments), not four per message.
 */
public final class MessageViews {
    private MessageViews() {}

    /** {@code viewerId} decides {@code reacted_by_me}; null for event payloads, which every member reads. */
    public static List<Message> of(Connection c, List<StoredMessage> rows, String viewerId) throws SQLException {
        var ids = rows.stream().map(StoredMessage::id).toList();
        var authors = UserStore.byIds(c, new LinkedHashSet<>(rows.stream().map(StoredMessage::authorId).toList()));
        var rootIds = rows.stream().filter(StoredMessage::isRoot).map(StoredMessage::id).toList();
        var states = ThreadStore.forRoots(c, rootIds);
        var reactions = ReactionStore.forMessages(c, ids, viewerId);
        var attachments = UploadStore.forMessages(c, ids);
        return rows.stream()
                .map(row -> view(row, authors.get(row.authorId()), row.isRoot() ? states.get(row.id()) : null,
                        reactions.getOrDefault(row.id(), List.of()), attachments.getOrDefault(row.id(), List.of())))
                .toList();
    }

    public static Message of(Connection c, StoredMessage row, String viewerId) throws SQLException {
        return of(c, List.of(row), viewerId).getFirst();
    }

    /** Assembles a view from parts the caller already holds (the write path, which avoids extra reads). */
    public static Message view(StoredMessage row, User author, ThreadState state, List<Reaction> reactions,
            List<Upload> attachments) {
        return new Message(row.id(), row.workspaceId(), row.channelId(), row.directConversationId(), row.authorId(), author, row.parentMessageId(),
                row.threadRootId(), row.channelSeq(), row.threadSeq(), row.isDeleted() ? "" : row.body(),
                row.bodyFormat(), row.nonce(), row.createdAt(), row.editedAt(), row.deletedAt(), state, reactions,
                row.isDeleted() ? List.of() : row.mentions().userIds(), !row.isDeleted() && row.mentions().channelWide(),
                row.overrideUsername(), row.overrideIconUrl(), row.isDeleted() ? List.of() : attachments);
    }
}
