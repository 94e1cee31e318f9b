package chat.clickclack.messages;

import chat.clickclack.channels.Channel;
import chat.clickclack.channels.ChannelStore;
import chat.clickclack.channels.Channels;
import chat.clickclack.db.Database;
import chat.clickclack.db.Tx;
import chat.clickclack.dms.DirectAccess;
import chat.clickclack.dms.DmStore;
import chat.clickclack.events.Audience;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventStore.JsonPayload;
import chat.clickclack.events.EventStore.NewEvent;
import chat.clickclack.events.EventTypes;
import chat.clickclack.http.ApiException;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import chat.clickclack.threads.ThreadState;
import chat.clickclack.uploads.Attachments;
import chat.clickclack.uploads.Upload;
import chat.clickclack.threads.ThreadStore;
import chat.clickclack.users.User;
import chat.clickclack.users.UserStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one path every new message takes — a channel root, a thread reply or a direct message — so validation, the access
 * check, sequence assignment, the event and nonce retries cannot drift apart between kinds of message.
 *
 * <ol>
 *   <li>Validate the body and nonce, and check access on a read connection ({@link Place}).
 *   <li>Off the single writer: decide the id, the time and the message's JSON (all but its sequence).
 *   <li>On the writer: one INSERT takes the next sequence ({@code channel_seq} for a root, {@code thread_seq}
 *       for a reply) or inserts nothing when the author already used the nonce (the unique index answers)
 *       or the channel was archived meanwhile; then the summary row and the event(s), in the same unit.
 *   <li>The caller answers with the returned events; the writer wakes the realtime hub after the commit.
 * </ol>
 */
public final class MessagePosting {
    /** Where a new message goes. */
    public sealed interface Target {
        /** A new root message in a channel's timeline. */
        record ChannelRoot(String channelId) implements Target {}

        /** A reply in the thread of a root message. */
        record ThreadReply(String rootId) implements Target {}

        /** A new root message in a direct conversation; its events reach only the conversation's members. */
        record DirectMessage(String conversationId) implements Target {}
    }

    /**
     * A posted message (or, on a nonce retry, the original), the events that announced it in order, the
     * thread summary after a reply (null for a root), and its JSON when the send path already wrote it.
     */
    public record Sent(Message message, List<Event> events, ThreadState threadState, boolean created, String messageJson) {}

    /**
     * What the access check found: the workspace, the channel or direct conversation (the other is null), who
     * may see the events, the author, and for a reply the root it answers.
     */
    private record Place(String workspaceId, Channel channel, String conversationId, Audience audience, User author,
            StoredMessage root) {
        boolean isReply() {
            return root != null;
        }

        String channelId() {
            return channel == null ? null : channel.id();
        }
    }

    /** The place a message goes and who it mentions there, found on one read connection. */
    private record Found(Place place, MentionStore.Resolved mentions, List<Upload> attachments) {}

    private final Database db;

    public MessagePosting(Database db) {
        this.db = db;
    }

    /** History brought in from elsewhere (a Slack import): when it was written and last edited there. */
    public record Backdate(String createdAt, String editedAt) {}

    public Sent post(String userId, Target target, String rawBody, String rawNonce) {
        return post(userId, target, rawBody, rawNonce, (Backdate) null);
    }

    /** Like {@link #post(String, Target, String, String)}, dated {@code backdate} when it is not null. */
    public Sent post(String userId, Target target, String rawBody, String rawNonce, Backdate backdate) {
        return post(userId, target, rawBody, rawNonce, backdate, null);
    }

    /** The name and avatar an integration posts under (either may be null); its author stays its bot. */
    public record PostedAs(String username, String iconUrl) {}

    /** Like {@link #post(String, Target, String, String, Backdate)}, shown under {@code postedAs} when not null. */
    public Sent post(String userId, Target target, String rawBody, String rawNonce, Backdate backdate,
            PostedAs postedAs) {
        return post(userId, target, rawBody, rawNonce, backdate, postedAs, List.of());
    }

    /** A message from a person's composer: body, nonce and the uploads to attach with it. */
    public Sent post(String userId, Target target, String rawBody, String rawNonce, List<String> uploadIds) {
        return post(userId, target, rawBody, rawNonce, null, null, uploadIds);
    }

    /**
     * The whole path. {@code uploadIds} (the author's own unattached uploads of the place's workspace) are
     * attached in the message's own write unit: a refused upload writes no message, and a message is never
     * seen without its attachments. A body may be empty only when it carries files.
     */
    public Sent post(String userId, Target target, String rawBody, String rawNonce, Backdate backdate,
            PostedAs postedAs, List<String> rawUploadIds) {
        var uploadIds = Attachments.ids(rawUploadIds);
        var body = uploadIds.isEmpty() || (rawBody != null && !rawBody.isBlank()) ? MessageBodies.require(rawBody)
                : rawBody == null ? "" : rawBody.strip();
        var nonce = MessageBodies.nonce(rawNonce);
        var parsed = Mentions.parse(body); // cheap; a body without '@' is not scanned
        // The access check, the mention lookup (one query for every handle) and the uploads' check share one
        // read connection.
        var found = db.read(c -> {
            var at = place(c, userId, target);
            // A nonce retry is answered with the original message, whose uploads it already holds.
            var retry = nonce != null && !uploadIds.isEmpty() && MessageStore.byNonce(c, userId, nonce).isPresent();
            var files = retry ? List.<Upload>of() : Attachments.require(c, userId, at.workspaceId(), uploadIds, 0);
            return new Found(at, MentionStore.resolve(c, at.workspaceId(), parsed), files);
        });
        var place = found.place();
        // Everything but the sequence is decided here, off the single writer thread: ids, time and JSON.
        var id = Ids.next("msg");
        var rootId = place.isReply() ? place.root().id() : id;
        var draft = new StoredMessage(id, place.workspaceId(), place.channelId(), userId,
                place.isReply() ? rootId : null, rootId, null, null, body, "markdown", nonce,
                backdate == null ? Times.now() : backdate.createdAt(), backdate == null ? null : backdate.editedAt(), null,
                place.conversationId(), found.mentions(), postedAs == null ? null : postedAs.username(),
                postedAs == null ? null : postedAs.iconUrl());
        var message = MessageViews.view(draft, place.author(), place.isReply() ? null : ThreadState.empty(id), List.of(),
                found.attachments());
        var json = NewMessageJson.of(message);
        var eventId = Ids.next("evt");
        return db.write(tx -> {
            var c = tx.connection();
            var seq = place.isReply() ? MessageStore.insertReply(c, draft)
                    : place.conversationId() != null ? MessageStore.insertDirect(c, draft)
                    : MessageStore.insertRoot(c, draft);
            if (seq.isEmpty()) {
                return replayOrRefuse(c, userId, nonce, place);
            }
            Attachments.attach(c, id, uploadIds, draft.createdAt());
            var posted = NewMessageJson.withSeq(message, seq.get());
            var messageJson = json.withSeq(seq.get());
            var created = new NewEvent(place.isReply() ? EventTypes.THREAD_REPLY_CREATED : EventTypes.MESSAGE_CREATED,
                    place.workspaceId(), place.channelId(), place.isReply() ? null : seq.get(), id,
                    new JsonPayload(NewMessageJson.payload(posted, messageJson)), place.audience());
            var event = EventStore.append(tx, created, eventId, draft.createdAt());
            if (!place.isReply()) {
                if (place.conversationId() != null) {
                    DmStore.recordMessage(c, place.conversationId(), seq.get());
                } else {
                    ChannelStore.setLastSeq(c, place.channelId(), seq.get());
                }
                return new Sent(posted, List.of(event), null, true, messageJson);
            }
            var state = ThreadStore.recordReply(c, rootId, userId, draft.createdAt());
            return new Sent(posted, List.of(event, stateUpdated(tx, place, state)), state, true, messageJson);
        });
    }

    private static Event stateUpdated(Tx tx, Place place, ThreadState state) throws SQLException {
        var root = place.root();
        return EventStore.append(tx, new NewEvent(EventTypes.THREAD_STATE_UPDATED, root.workspaceId(), root.channelId(),
                root.channelSeq(), root.id(), Map.of("root_message_id", root.id(), "thread_state", state),
                place.audience()));
    }

    /**
     * The channel, author and root of a new message, if the author may post there. A root post finds channel,
     * membership and author in one query (the hottest request path); on a miss the usual checks say why.
     */
    private static Place place(Connection c, String userId, Target target) throws SQLException {
        return switch (target) {
            case Target.ChannelRoot(var channelId) -> {
                var found = MessageStore.posting(c, userId, channelId);
                if (found.isEmpty()) {
                    Messages.writable(c, userId, channelId); // 404 unknown channel, 403 not a member
                    throw new ApiException.NotFound("user");
                }
                var channel = open(found.get().channel());
                if (channel.isPrivate()) {
                    Channels.visible(c, userId, channelId); // 404 unless a member of the channel
                }
                yield new Place(channel.workspaceId(), channel, null, Channels.audience(channel), found.get().author(),
                        null);
            }
            case Target.ThreadReply(var rootId) -> {
                var root = Messages.visible(c, userId, rootId);
                if (!root.isRoot()) {
                    throw new ApiException.Invalid("replies are one level deep: reply to the thread's root message");
                }
                var author = UserStore.byId(c, userId).orElseThrow(() -> new ApiException.NotFound("user"));
                if (root.isDirect()) { // Messages.visible checked the conversation's membership
                    yield new Place(root.workspaceId(), null, root.directConversationId(),
                            DirectAccess.audience(c, root.directConversationId()), author, root);
                }
                var channel = Messages.writable(c, userId, root.channelId());
                yield new Place(channel.workspaceId(), channel, null, Channels.audience(channel), author, root);
            }
            case Target.DirectMessage(var conversationId) -> {
                var conversation = DirectAccess.require(c, userId, conversationId);
                var author = UserStore.byId(c, userId).orElseThrow(() -> new ApiException.NotFound("user"));
                yield new Place(conversation.workspaceId(), null, conversation.id(),
                        DirectAccess.audience(c, conversation.id()), author, null);
            }
        };
    }

    private static Channel open(Channel channel) {
        if (channel.archivedAt() != null) {
            throw archived(channel);
        }
        return channel;
    }

    private static ApiException archived(Channel channel) {
        return new ApiException.Conflict("channel #" + channel.name() + " is archived");
    }

    /**
     * Nothing was inserted: a retry of a message this author already sent to the same place (answered with
     * it and the event that first announced it), a nonce reused elsewhere (409), or the channel was archived
     * between the check and the write (409).
     */
    private static Sent replayOrRefuse(Connection c, String userId, String nonce, Place place) throws SQLException {
        var existing = nonce == null ? Optional.<StoredMessage>empty() : MessageStore.byNonce(c, userId, nonce);
        if (existing.isEmpty()) {
            if (place.channel() == null) { // a conversation never goes away or closes
                throw new ApiException.NotFound("direct conversation");
            }
            throw archived(place.channel());
        }
        var row = existing.get();
        boolean samePlace = place.isReply() ? place.root().id().equals(row.parentMessageId())
                : row.isRoot() && Objects.equals(row.channelId(), place.channelId())
                        && Objects.equals(row.directConversationId(), place.conversationId());
        if (!samePlace) {
            throw new ApiException.Conflict("nonce already used for another message");
        }
        var type = place.isReply() ? EventTypes.THREAD_REPLY_CREATED : EventTypes.MESSAGE_CREATED;
        var event = EventStore.firstAbout(c, row.id(), type).orElseThrow(() -> Messages.prunedReplay(row.id()));
        var state = place.isReply() ? ThreadStore.get(c, place.root().id()) : null;
        return new Sent(MessageViews.of(c, row, userId), List.of(event), state, false, null);
    }
}
