// The friendly wrapper. Rule of thumb for return values: a one-key envelope is unwrapped
// (`{user}` → User, `{channels}` → Channel[]); envelopes with several keys are returned whole,
// because the extra keys matter (a mutation's `event` carries the cursor the app has seen).
import {
  subscribe,
  type RealtimeContext,
  type Subscription,
  type SubscribeOptions,
} from "./realtime.ts";
import { Transport, webSocketUrl, type TransportOptions } from "./http.ts";
import type {
  CreateBotInput,
  CreateBotTokenInput,
  CreateChannelInput,
  CreateWebhookInput,
  IncomingWebhookPayload,
  CommandReply,
  CreateEventSubscriptionInput,
  RegisterCommandInput,
  CreateWorkspaceInput,
  EphemeralEventType,
  EventPage,
  NotificationPreference,
  Role,
  SearchSort,
  SendMessageInput,
  UpdateChannelInput,
  UpdateMeInput,
  Upload,
  User,
} from "./types.ts";

export type ClickClackClientOptions = TransportOptions;

export interface MessagePageOptions {
  afterSeq?: number;
  beforeSeq?: number;
  aroundSeq?: number;
  /** 1–200, server default 100. */
  limit?: number;
}

export interface EventListOptions {
  workspaceId: string;
  afterCursor?: string;
  /** 1–1000, server default 500. */
  limit?: number;
  /** Also answer `tail_cursor`, the newest cursor right now. */
  includeTail?: boolean;
}

export interface SearchOptions {
  workspaceId: string;
  /** The query: words, `"phrases"`, `prefix*`, `from:@handle`, `in:#channel`, `before:`/`after:YYYY-MM-DD`, `has:link`, `has:file`, `is:thread`. */
  q: string;
  /** Only this channel of the workspace. */
  channelId?: string;
  /** `relevance` (default) or `recent` (newest first; `newest` is the same). */
  sort?: SearchSort;
  /** 1–100, server default 50. */
  limit?: number;
  /** `next_cursor` of the previous page (same `q` and `sort`). */
  cursor?: string;
}

/** The query for `GET /api/search`. */
export function searchQuery(options: SearchOptions) {
  return {
    workspace_id: options.workspaceId,
    q: options.q,
    channel_id: options.channelId,
    sort: options.sort,
    limit: options.limit,
    cursor: options.cursor,
  };
}

export interface EphemeralOptions {
  workspaceId: string;
  /** Where someone is typing: a channel or (instead) a direct conversation, whose members alone get it. */
  channelId?: string;
  directConversationId?: string;
  /** What a client may publish (`command.ephemeral` is the server's own). */
  type: Exclude<EphemeralEventType, "command.ephemeral">;
  payload?: Record<string, unknown>;
}

/**
 * The `after_seq`/`before_seq`/`around_seq` query for a timeline page. They are mutually
 * exclusive; failing here gives a clearer stack than the server's 400. No anchor = newest page.
 */
export function messagePageQuery(options: MessagePageOptions = {}) {
  const anchors = [options.afterSeq, options.beforeSeq, options.aroundSeq].filter(
    (value) => value !== undefined,
  );
  if (anchors.length > 1) {
    throw new TypeError("afterSeq, beforeSeq and aroundSeq are mutually exclusive");
  }
  return {
    after_seq: options.afterSeq,
    before_seq: options.beforeSeq,
    around_seq: options.aroundSeq,
    mode: anchors.length === 0 ? ("latest" as const) : undefined,
    limit: options.limit,
  };
}

/** The query for `GET /api/realtime/events`. */
export function eventListQuery(options: EventListOptions) {
  return {
    workspace_id: options.workspaceId,
    after_cursor: options.afterCursor,
    limit: options.limit,
    include_tail: options.includeTail ? true : undefined,
  };
}

async function consumeMagic(http: Transport, token: string, credential?: "cookie" | "bearer") {
  const result = await http.request("post", "/api/auth/magic/consume", {
    body: credential ? { token, credential } : { token },
  });
  // A bearer sign-in leaves this client signed in as that user from now on.
  if (result.token) http.token = result.token;
  return result;
}

function restApi(http: Transport) {
  return {
    auth: {
      /**
       * Exchanges a magic-link token for a session: by default a bearer token of its own in the answer;
       * with `{ credential: "cookie" }` (browsers) only the HttpOnly cookie, and no token in the body.
       */
      consumeMagicToken: (token: string, options: { credential?: "cookie" | "bearer" } = {}) =>
        consumeMagic(http, token, options.credential),
      /** The original SDK's name for a bearer `consumeMagicToken`: the client is signed in afterwards. */
      consumeMagicLink: (token: string) => consumeMagic(http, token, undefined),
      /** Whose account a magic-link token signs in to, without using it up. */
      inspectMagicToken: (token: string) =>
        http.request("post", "/api/auth/magic/inspect", { body: { token } }),
      /** Revokes the current session (its sockets close with 1008). */
      logout: async (): Promise<void> => {
        await http.request("post", "/api/auth/logout");
      },
      /** Which sign-in methods this server offers: `{github, email}`. */
      providers: () => http.request("get", "/api/auth/providers"),
      /**
       * Asks for a one-time sign-in link by email. The answer is the same whether or not the address has an
       * account; with a usable `inviteToken` an address without one may sign up. 501 when SMTP is not set up.
       */
      requestMagicLink: (email: string, options: { inviteToken?: string } = {}) =>
        http.request("post", "/api/auth/magic/request", {
          body: { email, invite_token: options.inviteToken },
        }),
      /** Where a browser goes to sign in with GitHub (a navigation, not a fetch); back to the invite when given. */
      gitHubSignInUrl: (options: { inviteToken?: string } = {}) =>
        http.url("/api/auth/github/start", {}, { invite: options.inviteToken }),
    },
    invites: {
      /** What an invite link opens, without signing in; 410 when revoked, expired or used up. */
      preview: async (token: string) =>
        (await http.request("get", "/api/invites/{token}", { params: { token } })).invite,
      /** Creates an invite (owners and moderators): `{invite, token, url}`; the token is shown this once. */
      create: (
        workspaceId: string,
        options: { expiresInSeconds?: number; maxUses?: number } = {},
      ) =>
        http.request("post", "/api/workspaces/{workspace_id}/invites", {
          params: { workspace_id: workspaceId },
          body: { expires_in: options.expiresInSeconds, max_uses: options.maxUses },
        }),
      accept: (token: string) =>
        http.request("post", "/api/invites/{token}/accept", { params: { token } }),
      /** The workspace's invites (owners and admins), newest first; tokens are never listed. */
      list: async (workspaceId: string) =>
        (
          await http.request("get", "/api/workspaces/{workspace_id}/invites", {
            params: { workspace_id: workspaceId },
          })
        ).invites,
      /** Revokes an invite: its token stops working (accepting it answers 410). */
      revoke: async (workspaceId: string, inviteId: string) =>
        (
          await http.request("delete", "/api/workspaces/{workspace_id}/invites/{invite_id}", {
            params: { workspace_id: workspaceId, invite_id: inviteId },
          })
        ).invite,
    },
    bots: {
      /** Creates a bot account and its first token; the raw token is in `bot_token.token`, only here. */
      create: (workspaceId: string, input: CreateBotInput) =>
        http.request("post", "/api/workspaces/{workspace_id}/bots", {
          params: { workspace_id: workspaceId },
          body: input,
        }),
      /** The workspace's bots with their tokens (owners and moderators); never the secrets. */
      list: async (workspaceId: string) =>
        (
          await http.request("get", "/api/workspaces/{workspace_id}/bots", {
            params: { workspace_id: workspaceId },
          })
        ).bots,
      /** A bot's tokens with scopes and last-used time. */
      tokens: async (workspaceId: string, botId: string) =>
        (
          await http.request("get", "/api/workspaces/{workspace_id}/bots/{bot_id}/tokens", {
            params: { workspace_id: workspaceId, bot_id: botId },
          })
        ).bot_tokens,
      /** Issues another token; its secret is in `token`, only in this answer. */
      createToken: async (workspaceId: string, botId: string, input: CreateBotTokenInput = {}) =>
        (
          await http.request("post", "/api/workspaces/{workspace_id}/bots/{bot_id}/tokens", {
            params: { workspace_id: workspaceId, bot_id: botId },
            body: input,
          })
        ).bot_token,
      /** Revokes a token: it stops working and its sockets close with 1008. */
      revokeToken: async (botTokenId: string) =>
        (
          await http.request("post", "/api/bot-tokens/{bot_token_id}/revoke", {
            params: { bot_token_id: botTokenId },
          })
        ).bot_token,
    },
    webhooks: {
      /** The workspace's incoming webhooks (owners and moderators); never their keys. */
      list: async (workspaceId: string) =>
        (
          await http.request("get", "/api/workspaces/{workspace_id}/webhooks", {
            params: { workspace_id: workspaceId },
          })
        ).webhooks,
      /** Creates a webhook for a channel; its key (for `/hooks/{key}`) is in `key`, only here. */
      create: async (workspaceId: string, input: CreateWebhookInput) =>
        (
          await http.request("post", "/api/workspaces/{workspace_id}/webhooks", {
            params: { workspace_id: workspaceId },
            body: input,
          })
        ).webhook,
      /** A new key, shown once; the old URL stops working. */
      rotate: async (webhookId: string) =>
        (
          await http.request("post", "/api/webhooks/{webhook_id}/rotate", {
            params: { webhook_id: webhookId },
          })
        ).webhook,
      /** Revokes the webhook: its URL answers 404. */
      revoke: async (webhookId: string) =>
        (
          await http.request("post", "/api/webhooks/{webhook_id}/revoke", {
            params: { webhook_id: webhookId },
          })
        ).webhook,
      /** Posts a Mattermost webhook payload as the caller (the original `POST /api/hooks/mattermost/{channel_id}`). */
      postMattermost: (channelId: string, payload: IncomingWebhookPayload) =>
        http.request("post", "/api/hooks/mattermost/{channel_id}", {
          params: { channel_id: channelId },
          body: payload,
        }),
    },
    commands: {
      /** Runs a slash command line (e.g. `/shrug fine`, or a registered `/deploy api`) in a channel. */
      execute: (channelId: string, command: string) =>
        http.request("post", "/api/commands/execute", {
          body: { channel_id: channelId, command },
        }),
      /** Built-in and registered commands of a workspace, with descriptions (what the composer autocompletes). */
      list: async (workspaceId: string) =>
        (
          await http.request("get", "/api/workspaces/{workspace_id}/commands", {
            params: { workspace_id: workspaceId },
          })
        ).commands,
      /** Registers `/trigger` → a callback URL (owners, moderators); `{command, secret}`, the secret only here. */
      register: (workspaceId: string, input: RegisterCommandInput) =>
        http.request("post", "/api/workspaces/{workspace_id}/commands", {
          params: { workspace_id: workspaceId },
          body: input,
        }),
      /** Revokes a registered command; its trigger is free again. */
      revoke: async (commandId: string) =>
        (
          await http.request("post", "/api/commands/{command_id}/revoke", {
            params: { command_id: commandId },
          })
        ).command,
      /** A new signing secret, shown once: `{command, secret}`. */
      rotateSecret: (commandId: string) =>
        http.request("post", "/api/commands/{command_id}/rotate-secret", {
          params: { command_id: commandId },
        }),
      /**
       * A delayed reply through a callback's `response_url` (pass the token, its last path segment):
       * in_channel posts as the command's bot, ephemeral reaches the caller's sessions only.
       */
      respond: (token: string, reply: CommandReply) =>
        http.request("post", "/hooks/commands/{token}", {
          params: { token },
          body: reply,
        }),
    },
    eventSubscriptions: {
      /** The workspace's outgoing event subscriptions (owners, moderators); never their secrets. */
      list: async (workspaceId: string) =>
        (
          await http.request("get", "/api/workspaces/{workspace_id}/event-subscriptions", {
            params: { workspace_id: workspaceId },
          })
        ).subscriptions,
      /** Subscribes a callback URL to durable events: `{subscription, secret}`, the secret only here. */
      create: (workspaceId: string, input: CreateEventSubscriptionInput) =>
        http.request("post", "/api/workspaces/{workspace_id}/event-subscriptions", {
          params: { workspace_id: workspaceId },
          body: input,
        }),
      pause: async (subscriptionId: string) =>
        (
          await http.request("post", "/api/event-subscriptions/{subscription_id}/pause", {
            params: { subscription_id: subscriptionId },
          })
        ).subscription,
      /** Resumes from the subscription's cursor: nothing written while it was paused is skipped. */
      resume: async (subscriptionId: string) =>
        (
          await http.request("post", "/api/event-subscriptions/{subscription_id}/resume", {
            params: { subscription_id: subscriptionId },
          })
        ).subscription,
      delete: async (subscriptionId: string) => {
        await http.request("delete", "/api/event-subscriptions/{subscription_id}", {
          params: { subscription_id: subscriptionId },
        });
      },
      /** The delivery log, newest first. */
      deliveries: async (subscriptionId: string, limit?: number) =>
        (
          await http.request("get", "/api/event-subscriptions/{subscription_id}/deliveries", {
            params: { subscription_id: subscriptionId },
            query: limit === undefined ? {} : { limit },
          })
        ).deliveries,
    },
    me: {
      get: async () => (await http.request("get", "/api/me")).user,
      /** The caller and how they are signed in: `dev_fallback` is true when the server's dev fallback answered. */
      info: () => http.request("get", "/api/me"),
      update: async (patch: UpdateMeInput) =>
        (await http.request("patch", "/api/me", { body: patch })).user,
      /** The caller's active sessions (browser and bearer), newest first; `current` marks this one. */
      sessions: async () => (await http.request("get", "/api/me/sessions")).sessions,
      /** Signs a session out (its sockets close with 1008); revoking the current one signs this client out. */
      revokeSession: async (sessionId: string): Promise<void> => {
        await http.request("delete", "/api/me/sessions/{session_id}", {
          params: { session_id: sessionId },
        });
      },
    },
    workspaces: {
      list: async () => (await http.request("get", "/api/workspaces")).workspaces,
      /** Creates the workspace and its `#general` channel. */
      create: (input: CreateWorkspaceInput) =>
        http.request("post", "/api/workspaces", { body: input }),
      get: async (workspaceId: string) =>
        (
          await http.request("get", "/api/workspaces/{workspace_id}", {
            params: { workspace_id: workspaceId },
          })
        ).workspace,
      members: async (workspaceId: string) =>
        (
          await http.request("get", "/api/workspaces/{workspace_id}/members", {
            params: { workspace_id: workspaceId },
          })
        ).members,
      /**
       * Members by display name, filtered by `q` (name or handle) and `role`; with `limit` or `cursor` one page,
       * and `next_cursor` while `has_more`.
       */
      memberPage: (
        workspaceId: string,
        options: { limit?: number; cursor?: string; q?: string; role?: Role } = {},
      ) =>
        http.request("get", "/api/workspaces/{workspace_id}/members", {
          params: { workspace_id: workspaceId },
          query: options,
        }),
      /**
       * Renames the workspace, changes its slug or its icon (one emoji or one or two letters; `""` removes it);
       * owners and moderators.
       */
      update: (workspaceId: string, patch: { name?: string; slug?: string; icon?: string }) =>
        http.request("patch", "/api/workspaces/{workspace_id}", {
          params: { workspace_id: workspaceId },
          body: patch,
        }),
      /**
       * Deletes the workspace and everything in it (the owner only); `confirm` must be its slug. Its open
       * sockets close with 4002 (`CLOSE_WORKSPACE_DELETED`).
       */
      delete: async (workspaceId: string, confirm: string): Promise<void> => {
        await http.request("delete", "/api/workspaces/{workspace_id}", {
          params: { workspace_id: workspaceId },
          body: { confirm },
        });
      },
      /** Gives a member the role `moderator`, `member` or `guest` (the owner only). */
      changeRole: (workspaceId: string, userId: string, role: "moderator" | "member" | "guest") =>
        http.request("patch", "/api/workspaces/{workspace_id}/members/{user_id}", {
          params: { workspace_id: workspaceId, user_id: userId },
          body: { role },
        }),
      /** Hands the workspace to another member; the caller becomes a moderator. */
      transferOwnership: (workspaceId: string, userId: string) =>
        http.request("post", "/api/workspaces/{workspace_id}/transfer-ownership", {
          params: { workspace_id: workspaceId },
          body: { user_id: userId },
        }),
      /** Removes a member (owner/admin); answers the `member.removed` event. */
      removeMember: async (workspaceId: string, userId: string) =>
        (
          await http.request("delete", "/api/workspaces/{workspace_id}/members/{user_id}", {
            params: { workspace_id: workspaceId, user_id: userId },
          })
        ).event,
      presence: async (workspaceId: string) =>
        (
          await http.request("get", "/api/workspaces/{workspace_id}/presence", {
            params: { workspace_id: workspaceId },
          })
        ).presence,
    },
    channels: {
      list: async (workspaceId: string) =>
        (
          await http.request("get", "/api/workspaces/{workspace_id}/channels", {
            params: { workspace_id: workspaceId },
          })
        ).channels,
      /** One page of the channel list by name; pass `next_cursor` back as `cursor` while it is set. */
      page: (workspaceId: string, options: { limit?: number; cursor?: string } = {}) =>
        http.request("get", "/api/workspaces/{workspace_id}/channels", {
          params: { workspace_id: workspaceId },
          query: { limit: options.limit ?? 100, cursor: options.cursor },
        }),
      create: (workspaceId: string, input: CreateChannelInput) =>
        http.request("post", "/api/workspaces/{workspace_id}/channels", {
          params: { workspace_id: workspaceId },
          body: input,
        }),
      get: async (channelId: string) =>
        (
          await http.request("get", "/api/channels/{channel_id}", {
            params: { channel_id: channelId },
          })
        ).channel,
      update: (channelId: string, patch: UpdateChannelInput) =>
        http.request("patch", "/api/channels/{channel_id}", {
          params: { channel_id: channelId },
          body: patch,
        }),
      /** Joins a public channel; `event` is absent when the caller already was a member. */
      join: (channelId: string) =>
        http.request("post", "/api/channels/{channel_id}/join", {
          params: { channel_id: channelId },
        }),
      /** Leaves a channel (never #general); `event` is absent when the caller was not a member. */
      leave: (channelId: string) =>
        http.request("post", "/api/channels/{channel_id}/leave", {
          params: { channel_id: channelId },
        }),
      /** Everyone in the channel, by display name. */
      members: async (channelId: string) =>
        (
          await http.request("get", "/api/channels/{channel_id}/members", {
            params: { channel_id: channelId },
          })
        ).members,
      /** Adds a workspace member to the channel (channel members and moderators may). */
      addMember: (channelId: string, userId: string) =>
        http.request("post", "/api/channels/{channel_id}/members", {
          params: { channel_id: channelId },
          body: { user_id: userId },
        }),
      /** Takes someone out of the channel: yourself, or anyone if you moderate. */
      removeMember: (channelId: string, userId: string) =>
        http.request("delete", "/api/channels/{channel_id}/members/{user_id}", {
          params: { channel_id: channelId, user_id: userId },
        }),
      /** The caller's notification preference in the channel (`all` when not a member). */
      notificationPreference: async (channelId: string) =>
        (
          await http.request("get", "/api/channels/{channel_id}/notification-settings", {
            params: { channel_id: channelId },
          })
        ).preference,
      /** Sets the caller's preference: `all`, `mentions` or `muted` (members of the channel only). */
      setNotificationPreference: async (channelId: string, preference: NotificationPreference) =>
        (
          await http.request("patch", "/api/channels/{channel_id}/notification-settings", {
            params: { channel_id: channelId },
            body: { preference },
          })
        ).preference,
      /** The channel's pinned messages, newest pin first. */
      pins: async (channelId: string) =>
        (
          await http.request("get", "/api/channels/{channel_id}/pins", {
            params: { channel_id: channelId },
          })
        ).messages,
      /** Pins a message of the channel (409 on a duplicate or past 100 pins). */
      pin: (channelId: string, messageId: string) =>
        http.request("post", "/api/channels/{channel_id}/pins", {
          params: { channel_id: channelId },
          body: { message_id: messageId },
        }),
      unpin: (channelId: string, messageId: string) =>
        http.request("delete", "/api/channels/{channel_id}/pins/{message_id}", {
          params: { channel_id: channelId, message_id: messageId },
        }),
      /**
       * Moves the caller's read pointer to `seq` (forward only, capped at the channel's `last_seq`) and
       * returns the receipt; the caller's other sessions get a `channel.read` event, nobody else does.
       */
      markRead: async (channelId: string, seq: number) =>
        (
          await http.request("post", "/api/channels/{channel_id}/read", {
            params: { channel_id: channelId },
            body: { seq },
          })
        ).receipt,
      /** Posts a root message. Reusing a `nonce` on retry never duplicates the message. */
      sendMessage: (channelId: string, input: SendMessageInput) =>
        http.request("post", "/api/channels/{channel_id}/messages", {
          params: { channel_id: channelId },
          body: input,
        }),
      /** A timeline page (root messages, ascending); without an anchor the newest page. */
      messages: (channelId: string, options?: MessagePageOptions) =>
        http.request("get", "/api/channels/{channel_id}/messages", {
          params: { channel_id: channelId },
          query: messagePageQuery(options),
        }),
    },
    dms: {
      /** The caller's direct conversations in a workspace, hidden ones left out. */
      list: async (workspaceId: string) =>
        (await http.request("get", "/api/dms", { query: { workspace_id: workspaceId } }))
          .conversations,
      /**
       * Opens the conversation with `memberIds` (the caller is added): the same people always get the
       * same conversation, so calling it twice is safe.
       */
      create: async (workspaceId: string, memberIds: string[]) =>
        (
          await http.request("post", "/api/dms", {
            body: { workspace_id: workspaceId, member_ids: memberIds },
          })
        ).conversation,
      get: async (dmId: string) =>
        (await http.request("get", "/api/dms/{dm_id}", { params: { dm_id: dmId } })).conversation,
      /** Hides the conversation for the caller only; a new message in it shows it again. */
      hide: async (dmId: string) =>
        (await http.request("delete", "/api/dms/{dm_id}", { params: { dm_id: dmId } })).ok,
      /** Shows a hidden conversation again for the caller. */
      open: async (dmId: string) =>
        (await http.request("post", "/api/dms/{dm_id}/open", { params: { dm_id: dmId } }))
          .conversation,
      /** A page of the conversation, paged like a channel timeline. */
      messages: (dmId: string, options?: MessagePageOptions) =>
        http.request("get", "/api/dms/{dm_id}/messages", {
          params: { dm_id: dmId },
          query: messagePageQuery(options),
        }),
      /** Posts a message. Reusing a `nonce` on retry never duplicates the message. */
      sendMessage: (dmId: string, input: SendMessageInput) =>
        http.request("post", "/api/dms/{dm_id}/messages", {
          params: { dm_id: dmId },
          body: input,
        }),
      /** Moves the caller's read pointer forward (never back); their other sessions get `dm.read`. */
      markRead: async (dmId: string, seq: number) =>
        (
          await http.request("post", "/api/dms/{dm_id}/read", {
            params: { dm_id: dmId },
            body: { seq },
          })
        ).receipt,
    },
    messages: {
      get: async (messageId: string) =>
        (
          await http.request("get", "/api/messages/{message_id}", {
            params: { message_id: messageId },
          })
        ).message,
      edit: (messageId: string, body: string) =>
        http.request("patch", "/api/messages/{message_id}", {
          params: { message_id: messageId },
          body: { body },
        }),
      delete: (messageId: string) =>
        http.request("delete", "/api/messages/{message_id}", {
          params: { message_id: messageId },
        }),
    },
    threads: {
      /** The root, its first `limit` replies (default: up to 1,000) and the thread state. */
      get: (rootId: string, options: { limit?: number } = {}) =>
        http.request("get", "/api/messages/{message_id}/thread", {
          params: { message_id: rootId },
          query: options.limit === undefined ? undefined : { limit: options.limit },
        }),
      reply: (rootId: string, input: SendMessageInput) =>
        http.request("post", "/api/messages/{message_id}/thread/replies", {
          params: { message_id: rootId },
          body: input,
        }),
    },
    reactions: {
      /** `event` is null when the caller had already reacted with this emoji. */
      add: (messageId: string, emoji: string) =>
        http.request("post", "/api/messages/{message_id}/reactions", {
          params: { message_id: messageId },
          body: { emoji },
        }),
      /** `event` is absent when there was no such reaction. */
      remove: (messageId: string, emoji: string) =>
        http.request("delete", "/api/messages/{message_id}/reactions/{emoji}", {
          params: { message_id: messageId, emoji },
        }),
    },
    uploads: {
      /**
       * Uploads a file into a workspace (multipart, form field `file`) and returns the stored `Upload`:
       * its `content_type` is sniffed by the server, images get `width`/`height`. Attach it with
       * `upload_ids` when sending a message, or later with `uploads.attach`. Past the server's
       * `max_upload_bytes` this throws a `ClickClackError` with status 413.
       */
      create: async (workspaceId: string, file: Blob, filename?: string) => {
        const form = new FormData();
        const name = filename ?? (file as { name?: string }).name ?? "file";
        form.append("file", file, name);
        const response = await http.raw("post", "/api/uploads", {
          query: { workspace_id: workspaceId },
          body: form,
        });
        return ((await response.json()) as { upload: Upload }).upload;
      },
      /** Attaches the caller's upload to their own message: `{message, event}` (`message.updated`). */
      attach: (messageId: string, uploadId: string) =>
        http.request("post", "/api/messages/{message_id}/attachments", {
          params: { message_id: messageId },
          body: { upload_id: uploadId },
        }),
      /** The upload's bytes as a `Response` (headers included; pass `range` for a part, e.g. `bytes=0-99`). */
      download: (uploadId: string, options: { range?: string } = {}) =>
        http.raw("get", "/api/uploads/{upload_id}", {
          params: { upload_id: uploadId },
          headers: options.range ? { range: options.range } : undefined,
        }),
      /** The small preview of an image upload (404 for other files). */
      thumbnail: (uploadId: string) =>
        http.raw("get", "/api/uploads/{upload_id}/thumbnail", { params: { upload_id: uploadId } }),
      /** The URL of an upload (absolute when the client has a base URL), for `<img src>` and links. */
      url: (uploadId: string) => http.url("/api/uploads/{upload_id}", { upload_id: uploadId }),
    },
    /**
     * Messages the caller may read that match `q`: `{results: [{message, rank, snippet}], next_cursor?}`.
     * `snippet` is HTML-escaped text whose only markup is `<mark>` around the matches.
     */
    search: (options: SearchOptions) =>
      http.request("get", "/api/search", { query: searchQuery(options) }),
    realtime: {
      /** Publishes a typing/presence signal; it is never stored and may drop. */
      ephemeral: async (options: EphemeralOptions) =>
        (
          await http.request("post", "/api/realtime/ephemeral", {
            body: {
              workspace_id: options.workspaceId,
              channel_id: options.channelId,
              direct_conversation_id: options.directConversationId,
              type: options.type,
              payload: options.payload,
            },
          })
        ).event,
    },
  };
}

type RestApi = ReturnType<typeof restApi>;

function realtimeContext(http: Transport): RealtimeContext {
  return {
    token: http.token,
    socketUrl: (workspaceId, afterCursor) =>
      webSocketUrl(
        http.url("/api/realtime/ws", undefined, {
          workspace_id: workspaceId,
          after_cursor: afterCursor,
        }),
        // Undefined outside browsers; then baseUrl must be absolute.
        (globalThis as { location?: { href: string } }).location?.href,
      ),
    tailCursor: async (workspaceId) => {
      const page = await http.request("get", "/api/realtime/events", {
        query: { workspace_id: workspaceId, limit: 1, include_tail: true },
      });
      return page.tail_cursor ?? undefined;
    },
  };
}

export class ClickClackClient {
  readonly auth: RestApi["auth"];
  readonly invites: RestApi["invites"];
  readonly bots: RestApi["bots"];
  readonly webhooks: RestApi["webhooks"];
  readonly commands: RestApi["commands"];
  readonly eventSubscriptions: RestApi["eventSubscriptions"];
  readonly me: RestApi["me"];
  readonly workspaces: RestApi["workspaces"];
  readonly channels: RestApi["channels"];
  readonly messages: RestApi["messages"];
  readonly dms: RestApi["dms"];
  readonly threads: RestApi["threads"];
  readonly reactions: RestApi["reactions"];
  readonly realtime: RestApi["realtime"];
  readonly search: RestApi["search"];
  readonly uploads: RestApi["uploads"];
  readonly events: {
    /** A page of the durable event log after a cursor. */
    list(options: EventListOptions): Promise<EventPage>;
    /** Follows a workspace's events over a WebSocket that reconnects by cursor. */
    subscribe(options: SubscribeOptions): Subscription;
  };
  readonly #http: Transport;

  constructor(options: ClickClackClientOptions) {
    const http = new Transport(options);
    this.#http = http;
    const api = restApi(http);
    this.auth = api.auth;
    this.invites = api.invites;
    this.bots = api.bots;
    this.webhooks = api.webhooks;
    this.commands = api.commands;
    this.eventSubscriptions = api.eventSubscriptions;
    this.me = api.me;
    this.workspaces = api.workspaces;
    this.channels = api.channels;
    this.messages = api.messages;
    this.dms = api.dms;
    this.threads = api.threads;
    this.reactions = api.reactions;
    this.realtime = api.realtime;
    this.search = api.search;
    this.uploads = api.uploads;
    this.events = {
      list: (listOptions) =>
        http.request("get", "/api/realtime/events", { query: eventListQuery(listOptions) }),
      subscribe: (subscribeOptions) => subscribe(realtimeContext(http), subscribeOptions),
    };
  }

  /** Changes the caller's profile (the original SDK's name for `me.update`). */
  updateMe(patch: UpdateMeInput): Promise<User> {
    return this.me.update(patch);
  }

  /** The server's base URL, as given. */
  get baseUrl(): string {
    return this.#http.baseUrl;
  }

  /** The bearer token, if any (undefined means cookie authentication). */
  get token(): string | undefined {
    return this.#http.token;
  }
}
