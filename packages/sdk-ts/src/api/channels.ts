// Channels: membership, pins, notification preference, read pointer and the timeline.
import type { Transport } from "../http.ts";
import { messagePageQuery, type MessagePageOptions } from "../queries.ts";
import type {
  CreateChannelInput,
  NotificationPreference,
  SendMessageInput,
  UpdateChannelInput,
} from "../types.ts";

export function channelsApi(http: Transport) {
  return {
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
  };
}
