// Bot accounts and their tokens, incoming webhooks and slash commands (issue 14).
import type { Transport } from "../http.ts";
import type {
  CommandReply,
  CreateBotInput,
  CreateBotTokenInput,
  CreateWebhookInput,
  IncomingWebhookPayload,
  RegisterCommandInput,
} from "../types.ts";

export function botsApi(http: Transport) {
  return {
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
  };
}

export function webhooksApi(http: Transport) {
  return {
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
    /**
     * Posts through a webhook's secret URL, as a Mattermost script would: the key is the only credential.
     * Answers the text `ok`.
     */
    post: (key: string, payload: IncomingWebhookPayload) =>
      http.requestText("post", "/hooks/{key}", { params: { key }, body: payload }),
    /** Posts a Mattermost webhook payload as the caller (the original `POST /api/hooks/mattermost/{channel_id}`). */
    postMattermost: (channelId: string, payload: IncomingWebhookPayload) =>
      http.request("post", "/api/hooks/mattermost/{channel_id}", {
        params: { channel_id: channelId },
        body: payload,
      }),
  };
}

export function commandsApi(http: Transport) {
  return {
    /**
     * Runs a slash command line (e.g. `/shrug fine`, or a registered `/deploy api`) in a channel (`chn_…`) or a
     * direct conversation (`dm_…`), or in a thread of either with `{ threadRootId }`: what the command posts
     * goes there. Channel commands (`/topic`, `/invite`, `/leave`, registered ones) answer 400 in a conversation.
     */
    execute: (where: string, command: string, options: { threadRootId?: string } = {}) =>
      http.request("post", "/api/commands/execute", {
        body: {
          ...(where.startsWith("dm_") ? { direct_conversation_id: where } : { channel_id: where }),
          command,
          ...(options.threadRootId ? { thread_root_id: options.threadRootId } : {}),
        },
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
  };
}
