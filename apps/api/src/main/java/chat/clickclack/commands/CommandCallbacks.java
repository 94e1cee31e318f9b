package chat.clickclack.commands;

import chat.clickclack.callbacks.CallbackClient;
import chat.clickclack.callbacks.Signatures;
import chat.clickclack.channels.Channel;
import chat.clickclack.channels.ChannelMembership;
import chat.clickclack.db.Database;
import chat.clickclack.events.Audience;
import chat.clickclack.http.ApiException;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import chat.clickclack.messages.MessagePosting;
import chat.clickclack.realtime.EphemeralEvent;
import chat.clickclack.realtime.Hub;
import chat.clickclack.users.UserStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs a registered command: POSTs Mattermost's form fields to its URL, signed (see {@link Signatures}), and
 * turns the reply into what the caller sees. An {@code in_channel} reply is posted as the command's bot
 * through the one posting path; an {@code ephemeral} one goes back to the caller only. A callback that fails,
 * times out or is refused by the safety rules is an ephemeral note to the caller, never a 500.
 *
 * <p>Delayed replies come to the callback's {@code response_url} ({@code /hooks/commands/{token}}), valid for
 * {@link #RESPONSE_URL_TTL} and {@link #RESPONSE_URL_USES} replies; an ephemeral one reaches the caller's open
 * sessions as the realtime event {@code command.ephemeral}.
 *
 * <p>No database connection is held while the callback runs: the token is written before, the reply after.
 */
public final class CommandCallbacks {
    public static final Duration TIMEOUT = Duration.ofSeconds(3);
    public static final Duration RESPONSE_URL_TTL = Duration.ofMinutes(30);
    public static final int RESPONSE_URL_USES = 5;
    /** Expired response URLs answer 410 for a day, then 404. */
    private static final Duration EXPIRED_TOKENS_KEPT = Duration.ofDays(1);
    public static final String EPHEMERAL_EVENT = "command.ephemeral";

    private final Database db;
    private final CallbackClient client;
    private final MessagePosting posting;
    private final ChannelMembership membership;
    private final Hub hub;
    private final Supplier<String> baseUrl;

    public CommandCallbacks(Database db, CallbackClient client, MessagePosting posting, Hub hub,
            Supplier<String> baseUrl) {
        this.db = db;
        this.client = client;
        this.posting = posting;
        this.membership = new ChannelMembership(db);
        this.hub = hub;
        this.baseUrl = baseUrl;
    }

    /** The live command with this trigger in the workspace, if any. */
    java.util.Optional<RegisteredCommand> find(String workspaceId, String trigger) {
        return db.read(c -> CommandStore.live(c, workspaceId, trigger));
    }

    /**
     * Invokes {@code cmd} for {@code userId} in {@code channel} (already checked visible to them), in the thread
     * of {@code threadRootId} when not null: the callback gets it as {@code root_id} and its replies go there.
     */
    SlashCommands.Result invoke(RegisteredCommand cmd, String userId, Channel channel, String threadRootId,
            String text) {
        var user = db.read(c -> UserStore.byId(c, userId)).orElseThrow(() -> new ApiException.NotFound("user"));
        var token = Ids.secret("ccr_");
        db.write(tx -> {
            var now = Instant.now();
            CommandStore.pruneTokens(tx.connection(), Times.format(now.minus(EXPIRED_TOKENS_KEPT)));
            CommandStore.insertToken(tx.connection(), token, cmd.id(), channel.id(), threadRootId, userId,
                    Times.format(now.plus(RESPONSE_URL_TTL)));
            return null;
        });
        var fields = new LinkedHashMap<String, String>();
        fields.put("command", "/" + cmd.trigger());
        fields.put("text", text);
        fields.put("channel_id", channel.id());
        fields.put("channel_name", channel.name());
        fields.put("root_id", threadRootId == null ? "" : threadRootId);
        fields.put("team_id", channel.workspaceId());
        fields.put("user_id", userId);
        fields.put("user_name", user.handle());
        fields.put("response_url", baseUrl.get() + "/hooks/commands/" + token);
        fields.put("trigger_id", Ids.next("trg"));
        var body = form(fields);
        var outcome = client.post(URI.create(cmd.url()), "application/x-www-form-urlencoded", body,
                signed(cmd.secret(), body), TIMEOUT);
        var name = "/" + cmd.trigger();
        if (!outcome.ok()) {
            return note("The " + name + " command failed: its callback " + outcome.problem() + ".");
        }
        CommandReply reply;
        try {
            reply = CommandReply.parseAnswer(outcome.contentType(), outcome.body());
        } catch (ApiException.Invalid e) {
            return note("The " + name + " command's callback answered something that is not a reply: " + e.getMessage());
        }
        if (reply.text().isEmpty()) {
            return new SlashCommands.Result("ephemeral", null, null, null);
        }
        if (!reply.inChannel()) {
            return note(reply.text());
        }
        try {
            return postAsBot(cmd, channel, threadRootId, reply.text());
        } catch (ApiException.Forbidden | ApiException.NotFound e) {
            return note("The " + name + " command could not post here: " + e.getMessage());
        }
    }

    /** A delayed reply through a response URL; 404 unknown, 410 expired or used up. */
    public SlashCommands.Result respond(String token, byte[] body) {
        var reply = CommandReply.parseJson(body);
        if (reply.text().isEmpty()) {
            throw new ApiException.Invalid("text is required");
        }
        var row = db.read(c -> CommandStore.token(c, token))
                .orElseThrow(() -> new ApiException.NotFound("response URL (unknown, or its command was revoked)"));
        var cmd = db.read(c -> CommandStore.byId(c, row.commandId())).filter(c -> c.revokedAt() == null)
                .orElseThrow(() -> new ApiException.NotFound("response URL (unknown, or its command was revoked)"));
        if (Instant.parse(row.expiresAt()).isBefore(Instant.now())) {
            throw new ApiException.Gone("this response URL expired (they last " + RESPONSE_URL_TTL.toMinutes() + " minutes)");
        }
        if (!db.write(tx -> CommandStore.useToken(tx.connection(), token, RESPONSE_URL_USES))) {
            throw new ApiException.Gone("this response URL was used " + RESPONSE_URL_USES + " times already");
        }
        var channel = db.read(c -> chat.clickclack.channels.ChannelStore.byId(c, row.channelId()))
                .orElseThrow(() -> new ApiException.NotFound("channel"));
        if (reply.inChannel()) {
            return postAsBot(cmd, channel, row.threadRootId(), reply.text());
        }
        var payload = new LinkedHashMap<String, Object>(Map.of("command_id", cmd.id(), "trigger", cmd.trigger(),
                "text", reply.text()));
        if (row.threadRootId() != null) {
            payload.put("thread_root_id", row.threadRootId());
        }
        hub.publishEphemeral(channel.workspaceId(), new EphemeralEvent(EPHEMERAL_EVENT, channel.workspaceId(),
                channel.id(), null, row.userId(), Times.now(), payload), Audience.user(row.userId()));
        return new SlashCommands.Result("ephemeral", null, null, null);
    }

    /**
     * Posts as the command's bot, into the thread when the command ran in one; the bot joins a public channel
     * first (a private one must invite it).
     */
    private SlashCommands.Result postAsBot(RegisteredCommand cmd, Channel channel, String threadRootId, String text) {
        if (!channel.isPrivate()) {
            membership.join(cmd.botId(), channel.id()); // joining again changes nothing
        }
        MessagePosting.Target target = threadRootId == null ? new MessagePosting.Target.ChannelRoot(channel.id())
                : new MessagePosting.Target.ThreadReply(threadRootId);
        var sent = posting.post(cmd.botId(), target, text, null);
        return new SlashCommands.Result("in_channel", null, sent.message(), sent.events().getFirst());
    }

    private static SlashCommands.Result note(String text) {
        return new SlashCommands.Result("ephemeral", text, null, null);
    }

    private static Map<String, String> signed(String secret, byte[] body) {
        long ts = Instant.now().getEpochSecond();
        return Map.of(Signatures.TIMESTAMP_HEADER, Long.toString(ts), Signatures.SIGNATURE_HEADER,
                Signatures.sign(secret, ts, body));
    }

    private static byte[] form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
    }
}
