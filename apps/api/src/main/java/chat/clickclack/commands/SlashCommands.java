package chat.clickclack.commands;

import chat.clickclack.channels.Channel;
import chat.clickclack.channels.ChannelMembership;
import chat.clickclack.channels.Channels;
import chat.clickclack.db.Database;
import chat.clickclack.db.Sql;
import chat.clickclack.dms.DirectAccess;
import chat.clickclack.events.Event;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.Json;
import chat.clickclack.messages.Message;
import chat.clickclack.messages.MessagePosting;
import chat.clickclack.messages.Messages;
import chat.clickclack.users.Profiles;
import chat.clickclack.users.StatusPreset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The slash commands the composer runs instead of posting the line: the built-ins {@code /shrug}, {@code /me},
 * {@code /topic}, {@code /status}, {@code /invite}, {@code /leave} and {@code /help}, then the workspace's
 * registered commands (answered by their callbacks, see {@link CommandCallbacks}), in a channel, a direct
 * conversation or a thread of either (see {@link Place}). A command answers like a Mattermost command does: an
 * {@code in_channel} result posted or changed something everyone sees (with its message or event), an
 * {@code ephemeral} one is a note for the caller only. Everything goes through the features' own services
 * (the one posting path, the channel and profile rules), so a command can do nothing a request could not.
 */
public final class SlashCommands {
    /** The answer: {@code message} and/or {@code event} when something was written. */
    public record Result(String responseType, String text, Message message, Event event) {}

    /**
     * Where a command runs: a channel or a direct conversation (exactly one), and optionally a thread in it (a
     * reply's id means its thread). What a command posts goes there.
     */
    public record Place(String channelId, String directConversationId, String threadRootId) {}

    static final String SHRUG = "¯\\\\\\_(ツ)\\_/¯";
    private final MessagePosting posting;
    private final Channels channels;
    private final Profiles profiles;
    private final ChannelMembership membership;
    private final Database db;
    private final CommandCallbacks callbacks;

    public SlashCommands(Database db, MessagePosting posting, Channels channels, Profiles profiles,
            ChannelMembership membership, CommandCallbacks callbacks) {
        this.db = db;
        this.posting = posting;
        this.channels = channels;
        this.profiles = profiles;
        this.membership = membership;
        this.callbacks = callbacks;
    }

    /**
     * Runs a command line in a channel, a direct conversation, or a thread of either. Commands that act on the
     * caller (/status, /help) work everywhere; those that act on a channel (/topic, /invite, /leave) and the
     * workspace's registered commands only in channels, and from a channel's threads.
     */
    public Result execute(String userId, Place place, String line) {
        boolean inChannel = present(place.channelId());
        boolean inConversation = present(place.directConversationId());
        if (inChannel == inConversation) {
            throw new ApiException.Invalid(inChannel ? "give channel_id or direct_conversation_id, not both"
                    : "channel_id is required (or direct_conversation_id in a direct conversation)");
        }
        if (line == null || !line.strip().startsWith("/") || line.strip().length() < 2) {
            throw new ApiException.Invalid("command must start with '/', e.g. /help");
        }
        var trimmed = line.strip();
        var space = trimmed.indexOf(' ');
        var trigger = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
        var rest = space < 0 ? "" : trimmed.substring(space + 1).strip();
        // 404 unknown, 403 not a member: before any command runs.
        var channel = inChannel ? channels.get(userId, place.channelId()) : null;
        var workspaceId = inChannel ? channel.workspaceId()
                : db.read(c -> DirectAccess.require(c, userId, place.directConversationId())).workspaceId();
        var rootId = threadRoot(userId, place);
        return switch (trigger) {
            case "/shrug" -> posted(userId, place, rootId, rest.isEmpty() ? SHRUG : rest + " " + SHRUG);
            case "/me" -> {
                if (rest.isEmpty()) {
                    throw new ApiException.Invalid("usage: /me <action>");
                }
                yield posted(userId, place, rootId, "_" + rest.replace("_", "\\_") + "_");
            }
            case "/status" -> status(userId, rest);
            case "/help" -> new Result("ephemeral", BuiltinCommands.help(db.read(c ->
                    CommandStore.liveInWorkspace(c, workspaceId)).stream()
                    .map(cmd -> CommandView.of(cmd, false)).toList()), null, null);
            default -> {
                if (channel == null) {
                    throw inChannelsOnly(workspaceId, trigger);
                }
                yield inChannel(userId, channel, rootId, trigger, rest);
            }
        };
    }

    /** The commands that need a channel: /topic, /invite, /leave and the registered ones. */
    private Result inChannel(String userId, Channel channel, String rootId, String trigger, String rest) {
        return switch (trigger) {
            case "/topic" -> {
                var changed = channels.update(userId, channel.id(), null, rest, null, null);
                yield new Result("in_channel", rest.isEmpty() ? "cleared the topic" : "set the topic to: " + rest,
                        null, changed.event());
            }
            case "/invite" -> invite(userId, channel, rest);
            case "/leave" -> {
                var left = membership.leave(userId, channel.id());
                yield new Result("in_channel", "left #" + channel.name(), null, left.event());
            }
            default -> callbacks.find(channel.workspaceId(), trigger.substring(1))
                    .map(cmd -> callbacks.invoke(cmd, userId, channel, rootId, rest))
                    .orElseThrow(() -> new ApiException.NotFound("command " + trigger + " (try /help)"));
        };
    }

    /** 400 for a channel command (built-in or registered) in a direct conversation; 404 for an unknown one. */
    private ApiException inChannelsOnly(String workspaceId, String trigger) {
        var name = trigger.substring(1);
        var known = BuiltinCommands.isBuiltin(name) || callbacks.find(workspaceId, name).isPresent();
        return known ? new ApiException.Invalid(trigger + " works in channels, not in direct conversations")
                : new ApiException.NotFound("command " + trigger + " (try /help)");
    }

    /** The root of the thread the place names (null: none), which must be in the place's channel or conversation. */
    private String threadRoot(String userId, Place place) {
        var messageId = place.threadRootId();
        if (messageId == null) {
            return null;
        }
        if (messageId.isBlank()) {
            throw new ApiException.Invalid("thread_root_id must be a message id, or absent");
        }
        var row = db.read(c -> Messages.visible(c, userId, messageId)); // 404 for a message the caller cannot see
        var where = present(place.channelId()) ? place.channelId() : place.directConversationId();
        if (!where.equals(row.isDirect() ? row.directConversationId() : row.channelId())) {
            throw new ApiException.Invalid("thread_root_id must be a message of "
                    + (present(place.channelId()) ? "channel_id" : "direct_conversation_id"));
        }
        return row.isRoot() ? row.id() : row.threadRootId();
    }

    private static boolean present(String id) {
        return id != null && !id.isBlank();
    }

    /** {@code /invite @handle}: adds a workspace member to this channel (the channel's rules apply). */
    private Result invite(String userId, Channel channel, String rest) {
        var handle = rest.startsWith("@") ? rest.substring(1) : rest;
        if (handle.isBlank() || handle.contains(" ")) {
            throw new ApiException.Invalid("usage: /invite @handle");
        }
        var invitee = db.read(c -> Sql.one(c, """
                SELECT u.id FROM users u JOIN workspace_members m ON m.user_id = u.id
                WHERE m.workspace_id = ? AND u.handle = ?""", row -> row.getString(1), channel.workspaceId(),
                handle.toLowerCase(Locale.ROOT)))
                .orElseThrow(() -> new ApiException.NotFound("@" + handle + " in this workspace"));
        var added = membership.add(userId, channel.id(), invitee);
        return new Result("in_channel", added.event() == null ? "@" + handle + " is already in #" + channel.name()
                : "added @" + handle + " to #" + channel.name(), null, added.event());
    }

    /** Posts as the caller through the one posting path: a reply in the thread, or a root in the place. */
    private Result posted(String userId, Place place, String rootId, String body) {
        MessagePosting.Target target = rootId != null ? new MessagePosting.Target.ThreadReply(rootId)
                : present(place.channelId()) ? new MessagePosting.Target.ChannelRoot(place.channelId())
                : new MessagePosting.Target.DirectMessage(place.directConversationId());
        var sent = posting.post(userId, target, body, null);
        return new Result("in_channel", null, sent.message(), sent.events().getFirst());
    }

    private Result status(String userId, String rest) {
        if (rest.isEmpty()) {
            throw new ApiException.Invalid("usage: /status <" + presets() + "|clear|emoji text>");
        }
        if (rest.equalsIgnoreCase("clear")) {
            profiles.setStatus(userId, null);
            return new Result("ephemeral", "Your status is cleared.", null, null);
        }
        var preset = StatusPreset.byId(rest.toLowerCase(Locale.ROOT));
        var node = Json.MAPPER.createObjectNode();
        if (preset.isPresent()) {
            node.put("preset", preset.get().id);
        } else {
            var space = rest.indexOf(' ');
            node.put("emoji", space < 0 ? rest : rest.substring(0, space));
            if (space > 0) {
                node.put("text", rest.substring(space + 1).strip());
            }
        }
        var user = profiles.setStatus(userId, node).user();
        var shown = user.status() == null ? "" : user.status().emoji()
                + (user.status().text() == null || user.status().text().isEmpty() ? "" : " " + user.status().text());
        return new Result("ephemeral", "Your status is now " + shown + ".", null, null);
    }

    private static String presets() {
        return Arrays.stream(StatusPreset.values()).map(p -> p.id).collect(Collectors.joining("|"));
    }

    /** The body of the answer: the fields that are set. */
    public static Map<String, Object> body(Result r) {
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("response_type", r.responseType());
        if (r.text() != null) {
            out.put("text", r.text());
        }
        if (r.message() != null) {
            out.put("message", r.message());
        }
        if (r.event() != null) {
            out.put("event", r.event());
        }
        return out;
    }
}
