package chat.clickclack.webhooks;

import chat.clickclack.bots.Bots;
import chat.clickclack.channels.ChannelStore;
import chat.clickclack.db.Database;
import chat.clickclack.db.Tx;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.DisplayText;
import chat.clickclack.workspaces.Membership;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import chat.clickclack.messages.MessagePosting;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Incoming webhooks: a secret key that posts into a channel as the webhook's own bot account, through the one
 * posting path. Mattermost scripts work by changing only the URL: their payload is read by
 * {@link MattermostPayload}, a {@code channel} override names another channel of the same workspace.
 *
 * <p>{@code username} and {@code icon_url} overrides are shown on the message ({@code override_username},
 * {@code override_icon_url}); its author stays the webhook's bot, so nobody can pass for a person.
 */
public final class Webhooks {
    private final Database db;
    private final MessagePosting posting;

    public Webhooks(Database db, MessagePosting posting) {
        this.db = db;
        this.posting = posting;
    }

    /** Creates a webhook for a channel, with a bot account named after it; the key is in the answer only. */
    public static Webhook create(Tx tx, String channelId, String name, String createdBy) throws SQLException {
        var c = tx.connection();
        var channel = ChannelStore.byId(c, channelId).orElseThrow(() -> new ApiException.NotFound("channel"));
        if (channel.archivedAt() != null) {
            throw new ApiException.Conflict("#" + channel.name() + " is archived");
        }
        var hookName = name == null || name.isBlank() ? "Incoming webhook" : name.strip();
        var bot = Bots.createAccount(tx, channel.workspaceId(), createdBy, hookName, null);
        var key = Ids.secret("cch_");
        var hook = new Webhook(Ids.next("whk"), channel.workspaceId(), channel.id(), bot.id(), hookName, createdBy,
                Times.now(), null, null);
        WebhookStore.insert(c, hook, key);
        return hook.withKey(key);
    }

    /** The workspace's webhooks (owners and moderators), revoked ones included; never their keys. */
    public java.util.List<Webhook> list(String actorId, String workspaceId) {
        return db.read(c -> {
            Membership.requireModerator(c, workspaceId, actorId);
            return WebhookStore.inWorkspace(c, workspaceId);
        });
    }

    /** Creates a webhook for a channel of this workspace (owners and moderators). */
    public Webhook create(String actorId, String workspaceId, String channelId, String name) {
        if (channelId == null || channelId.isBlank()) {
            throw new ApiException.Invalid("channel_id is required");
        }
        var hookName = name == null ? null : requireName(name);
        return db.write(tx -> {
            var c = tx.connection();
            Membership.requireModerator(c, workspaceId, actorId);
            ChannelStore.byId(c, channelId).filter(ch -> ch.workspaceId().equals(workspaceId))
                    .orElseThrow(() -> new ApiException.NotFound("channel"));
            return create(tx, channelId, hookName, actorId);
        });
    }

    /** A new key (shown once); the old URL stops working at once. 409 for a revoked webhook. */
    public Webhook rotate(String actorId, String webhookId) {
        return db.write(tx -> {
            var c = tx.connection();
            var hook = WebhookStore.byId(c, webhookId).orElseThrow(() -> new ApiException.NotFound("webhook"));
            Membership.requireModerator(c, hook.workspaceId(), actorId);
            var key = Ids.secret("cch_");
            if (!WebhookStore.rotate(c, webhookId, key)) {
                throw new ApiException.Conflict("this webhook is revoked; create a new one");
            }
            return hook.withKey(key);
        });
    }

    /** Revokes a webhook (again: no change); its URL answers 404 from now on. */
    public Webhook revoke(String actorId, String webhookId) {
        return db.write(tx -> {
            var c = tx.connection();
            var hook = WebhookStore.byId(c, webhookId).orElseThrow(() -> new ApiException.NotFound("webhook"));
            Membership.requireModerator(c, hook.workspaceId(), actorId);
            WebhookStore.revoke(c, webhookId, Times.now());
            return WebhookStore.byId(c, webhookId).orElseThrow();
        });
    }

    private static String requireName(String name) {
        if (name.isBlank()) {
            throw new ApiException.Invalid("name must not be empty");
        }
        if (name.strip().length() > 80) {
            throw new ApiException.Invalid("name must be at most 80 characters");
        }
        return DisplayText.require("name", name.strip());
    }

    /** Posts a Mattermost payload through the webhook with this key. */
    public MessagePosting.Sent post(String key, String contentType, byte[] body) {
        var hook = db.read(c -> WebhookStore.byKey(c, key))
                .filter(h -> h.revokedAt() == null)
                .orElseThrow(() -> new ApiException.NotFound("webhook (the URL is wrong, or the key was rotated or revoked)"));
        var payload = MattermostPayload.parse(contentType, body);
        var channelId = payload.channel() == null || payload.channel().isBlank() ? hook.channelId()
                : db.read(c -> channelIn(c, hook.workspaceId(), hook.botId(), payload.channel()));
        return posting.post(hook.botId(), new MessagePosting.Target.ChannelRoot(channelId), payload.body(), null, null,
                postedAs(payload));
    }

    /** Mattermost's username / icon_url overrides, checked: a name people can read, an http(s) avatar. */
    private static MessagePosting.PostedAs postedAs(MattermostPayload payload) {
        var name = payload.username() == null || payload.username().isBlank() ? null : payload.username().strip();
        if (name != null) {
            if (name.length() > 80) {
                throw new ApiException.Invalid("username must be at most 80 characters");
            }
            DisplayText.require("username", name);
        }
        String icon = null;
        if (payload.iconUrl() != null && !payload.iconUrl().isBlank()) {
            try {
                icon = chat.clickclack.users.AvatarUrls.require(payload.iconUrl());
            } catch (ApiException.Invalid e) {
                throw new ApiException.Invalid("icon_url must be an http(s) URL");
            }
        }
        return name == null && icon == null ? null : new MessagePosting.PostedAs(name, icon);
    }

    /**
     * The original ClickClack endpoint {@code POST /api/hooks/mattermost/{channel_id}}: a Mattermost payload
     * posted by an authenticated caller, as themselves, into a channel they may post in. A {@code channel} field
     * is ignored: the path names the channel.
     */
    public MessagePosting.Sent postAs(String userId, String channelId, String contentType, byte[] body) {
        var payload = MattermostPayload.parse(contentType, body);
        return posting.post(userId, new MessagePosting.Target.ChannelRoot(channelId), payload.body(), null);
    }

    /** Revokes a webhook: its URL answers 404 from now on. */
    public static void revoke(Tx tx, String webhookId) throws SQLException {
        WebhookStore.byId(tx.connection(), webhookId).orElseThrow(() -> new ApiException.NotFound("webhook"));
        WebhookStore.revoke(tx.connection(), webhookId, Times.now());
    }

    /** A channel override: a channel name (with or without '#') or id, in the webhook's workspace only. */
    private static String channelIn(Connection c, String workspaceId, String botId, String override) throws SQLException {
        var wanted = override.strip();
        var byName = wanted.startsWith("#") ? wanted.substring(1) : wanted;
        // Only channels the webhook's bot may see: a private channel it was not added to is not a target.
        for (var channel : ChannelStore.list(c, workspaceId, botId)) {
            if (channel.id().equals(wanted) || channel.name().equals(byName.toLowerCase(Locale.ROOT))) {
                return channel.id();
            }
        }
        throw new ApiException.Invalid("Couldn't find the channel '" + override + "' in this workspace");
    }
}
