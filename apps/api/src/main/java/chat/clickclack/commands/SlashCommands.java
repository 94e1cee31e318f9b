package chat.clickclack.commands;

import chat.clickclack.channels.Channel;
import chat.clickclack.channels.ChannelMembership;
import chat.clickclack.channels.Channels;
import chat.clickclack.db.Database;
import chat.clickclack.db.Sql;
import chat.clickclack.events.Event;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.Json;
import chat.clickclack.messages.Message;
import chat.clickclack.messages.Messages;
import chat.clickclack.threads.Threads;
import chat.clickclack.users.Profiles;
import chat.clickclack.users.StatusPreset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The slash commands the composer runs instead of posting the line: the built-ins {@code /shrug}, {@code /me},
 * {@code /topic}, {@code /status}, {@code /invite}, {@code /leave} and {@code /help}, then the workspace's
 * registered commands (answered by their callbacks, see {@link CommandCallbacks}). A command answers like a Mattermost command does: an
 * {@code in_channel} result posted or changed something everyone sees (with its message or event), an
 * {@code ephemeral} one is a note for the caller only. Everything goes through the features' own services
 * (the one posting path, the channel and profile rules), so a command can do nothing a request could not.
 */
public final class SlashCommands {
    /** The answer: {@code message} and/or {@code event} when something was written. */
    public record Result(String responseType, String text, Message message, Event event) {}

    static final String SHRUG = "¯\\\\\\_(ツ)\\_/¯";
    private final Messages messages;
    private final Threads threads;
    private final Channels channels;
    private final Profiles profiles;
    private final ChannelMembership membership;
    private final Database db;
    private final CommandCallbacks callbacks;

    public SlashCommands(Database db, Messages messages, Threads threads, Channels channels, Profiles profiles,
            ChannelMembership membership, CommandCallbacks callbacks) {
        this.db = db;
        this.messages = messages;
        this.threads = threads;
        this.channels = channels;
        this.profiles = profiles;
        this.membership = membership;
        this.callbacks = callbacks;
    }

    /** Runs a command line such as {@code /shrug fine} in a channel the caller can see. */
    public Result execute(String userId, String channelId, String line) {
        return execute(userId, channelId, null, line);
    }

    /**
     * Runs a command line in a channel, or in a thread of it when {@code threadRootId} is set (a reply's id
     * means its thread): what a command posts goes into that thread. Commands that act on the channel or on the
     * caller (/topic, /invite, /leave, /status) do the same from a thread as from the channel.
     */
    public Result execute(String userId, String channelId, String threadRootId, String line) {
        if (channelId == null || channelId.isBlank()) {
            throw new ApiException.Invalid("channel_id is required");
        }
        if (line == null || !line.strip().startsWith("/") || line.strip().length() < 2) {
            throw new ApiException.Invalid("command must start with '/', e.g. /help");
        }
        var trimmed = line.strip();
        var space = trimmed.indexOf(' ');
        var trigger = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
        var rest = space < 0 ? "" : trimmed.substring(space + 1).strip();
        var channel = channels.get(userId, channelId); // 404 unknown channel, 403 not a member: before any command runs
        var rootId = threadRoot(userId, channelId, threadRootId);
        return switch (trigger) {
            case "/shrug" -> posted(userId, channelId, rootId, rest.isEmpty() ? SHRUG : rest + " " + SHRUG);
            case "/me" -> {
                if (rest.isEmpty()) {
                    throw new ApiException.Invalid("usage: /me <action>");
                }
                yield posted(userId, channelId, rootId, "_" + rest.replace("_", "\\_") + "_");
            }
            case "/topic" -> {
                var changed = channels.update(userId, channelId, null, rest, null, null);
                yield new Result("in_channel", rest.isEmpty() ? "cleared the topic" : "set the topic to: " + rest,
                        null, changed.event());
            }
            case "/status" -> status(userId, rest);
            case "/invite" -> invite(userId, channel, rest);
            case "/leave" -> {
                var left = membership.leave(userId, channelId);
                yield new Result("in_channel", "left #" + channel.name(), null, left.event());
            }
            case "/help" -> new Result("ephemeral", BuiltinCommands.help(db.read(c ->
                    CommandStore.liveInWorkspace(c, channel.workspaceId())).stream()
                    .map(cmd -> CommandView.of(cmd, false)).toList()), null, null);
            default -> callbacks.find(channel.workspaceId(), trigger.substring(1))
                    .map(cmd -> callbacks.invoke(cmd, userId, channel, rootId, rest))
                    .orElseThrow(() -> new ApiException.NotFound("command " + trigger + " (try /help)"));
        };
    }

    /** The root of the thread named by {@code messageId} (null: none), which must be in this channel. */
    private String threadRoot(String userId, String channelId, String messageId) {
        if (messageId == null) {
            return null;
        }
        if (messageId.isBlank()) {
            throw new ApiException.Invalid("thread_root_id must be a message id, or absent");
        }
        var row = db.read(c -> Messages.visible(c, userId, messageId)); // 404 for a message the caller cannot see
        if (!channelId.equals(row.channelId())) {
            throw new ApiException.Invalid("thread_root_id must be a message of channel_id");
        }
        return row.isRoot() ? row.id() : row.threadRootId();
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

    /** Posts as the caller: a root message in the channel, or a reply in the thread. */
    private Result posted(String userId, String channelId, String rootId, String body) {
        if (rootId == null) {
            var posted = messages.post(userId, channelId, body, null);
            return new Result("in_channel", null, posted.message(), posted.event());
        }
        var replied = threads.reply(userId, rootId, body, null);
        return new Result("in_channel", null, replied.message(), replied.events().getFirst());
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
