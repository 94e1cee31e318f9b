package chat.clickclack.dms;

import chat.clickclack.db.Database;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventStore.NewEvent;
import chat.clickclack.events.EventTypes;
import chat.clickclack.http.ApiException;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import chat.clickclack.messages.MessagePage;
import chat.clickclack.messages.MessagePosting;
import chat.clickclack.messages.Messages;
import chat.clickclack.reads.Reads;
import chat.clickclack.users.UserStore;
import chat.clickclack.workspaces.Membership;
import chat.clickclack.workspaces.WorkspaceStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Direct messages: workspace-scoped conversations of 2 to {@value #MAX_MEMBERS} people. The same member
 * set is always the same conversation. Hiding is per member; a new message reopens it for everyone.
 * Messages go through the one posting path ({@link MessagePosting.Target.DirectMessage}).
 */
public final class Dms {
    public static final int MAX_MEMBERS = 8;

    /** A conversation and whether this call created it (201) or found it (200). */
    public record Opened(DirectConversation conversation, boolean created) {}

    private final Database db;
    private final Messages messages;
    private final MessagePosting posting;

    public Dms(Database db, Messages messages, MessagePosting posting) {
        this.db = db;
        this.messages = messages;
        this.posting = posting;
    }

    public List<DirectConversation> list(String userId, String workspaceId) {
        return db.read(c -> {
            Membership.require(c, workspaceId, userId);
            var out = new ArrayList<DirectConversation>();
            for (var row : DmStore.visibleTo(c, workspaceId, userId)) {
                out.add(shared(c, row));
            }
            return Reads.withDirectReadState(c, userId, out);
        });
    }

    public Opened create(String userId, String workspaceId, List<String> memberIds) {
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new ApiException.Invalid("workspace_id is required");
        }
        if (memberIds == null || memberIds.isEmpty()) {
            throw new ApiException.Invalid("member_ids is required: the people to talk to (you are added yourself)");
        }
        var members = new LinkedHashSet<String>();
        members.add(userId);
        for (var id : memberIds) {
            if (id == null || id.isBlank()) {
                throw new ApiException.Invalid("member_ids must hold user ids");
            }
            members.add(id);
        }
        if (members.size() < 2) {
            throw new ApiException.Invalid("a direct conversation needs at least one other person");
        }
        if (members.size() > MAX_MEMBERS) {
            throw new ApiException.Invalid("a direct conversation has at most " + MAX_MEMBERS + " people, you included");
        }
        var key = DmStore.memberKey(members);
        return db.write(tx -> {
            var c = tx.connection();
            Membership.require(c, workspaceId, userId);
            for (var id : members) {
                if (WorkspaceStore.role(c, workspaceId, id).isEmpty()) {
                    throw new ApiException.Invalid("user " + id + " is not a member of this workspace");
                }
            }
            var existing = DmStore.byKey(c, workspaceId, key);
            if (existing.isPresent()) {
                // Asking for a conversation you hid means you want it back.
                DmStore.setHidden(c, existing.get().id(), userId, null);
                return new Opened(view(c, userId, existing.get()), false);
            }
            var row = new DmStore.Row(Ids.next("dm"), workspaceId, key, 0, Times.now());
            DmStore.insert(c, row, members);
            // The others learn of it at once (their sidebars list it), before anyone has written in it.
            EventStore.append(tx, new NewEvent(EventTypes.DM_CREATED, workspaceId, null, null, row.id(),
                    Map.of("conversation", shared(c, row)), DirectAccess.audience(c, row.id())));
            return new Opened(view(c, userId, row), true);
        });
    }

    public DirectConversation get(String userId, String conversationId) {
        return db.read(c -> view(c, userId, DirectAccess.require(c, userId, conversationId)));
    }

    public void hide(String userId, String conversationId) {
        db.write(tx -> {
            var c = tx.connection();
            DirectAccess.require(c, userId, conversationId);
            DmStore.setHidden(c, conversationId, userId, Times.now());
            return null;
        });
    }

    public DirectConversation open(String userId, String conversationId) {
        return db.write(tx -> {
            var c = tx.connection();
            var row = DirectAccess.require(c, userId, conversationId);
            DmStore.setHidden(c, conversationId, userId, null);
            return view(c, userId, row);
        });
    }

    public MessagePage page(String userId, String conversationId, Messages.Paging paging, long anchor, int limit) {
        return messages.pageDirect(userId, conversationId, paging, anchor, limit);
    }

    public MessagePosting.Sent post(String userId, String conversationId, String body, String nonce) {
        return post(userId, conversationId, body, nonce, List.of());
    }

    /** Like {@link #post(String, String, String, String)}, attaching the author's uploads in the same write. */
    public MessagePosting.Sent post(String userId, String conversationId, String body, String nonce, List<String> uploadIds) {
        return posting.post(userId, new MessagePosting.Target.DirectMessage(conversationId), body, nonce, uploadIds);
    }

    /** The conversation as {@code userId} sees it: with their read state. */
    private static DirectConversation view(Connection c, String userId, DmStore.Row row) throws SQLException {
        return Reads.withDirectReadState(c, userId, List.of(shared(c, row))).getFirst();
    }

    private static DirectConversation shared(Connection c, DmStore.Row row) throws SQLException {
        var ids = DmStore.memberIds(c, row.id());
        var users = UserStore.byIds(c, ids);
        var members = ids.stream().map(users::get).toList();
        return DirectConversation.shared(row.id(), row.workspaceId(), row.createdAt(), members, row.lastSeq());
    }
}
