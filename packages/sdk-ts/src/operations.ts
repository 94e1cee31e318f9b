// Which SDK method calls each operation of openapi.yaml, keyed "METHOD /path" exactly as the contract
// spells it. test/unit/coverage.test.ts holds this table and openapi.yaml together both ways: a route
// without an entry, an entry for a route that is gone, or an entry naming no function all fail the build.
// A new route therefore needs a method in api/<feature>.ts and a row here.

/** `"channels.sendMessage"`: a path into a ClickClackClient, ending at a function. */
export type SdkMethod = string;

export const OPERATIONS: Record<string, SdkMethod> = {
  "GET /healthz": "health.live",
  "GET /readyz": "health.ready",

  "POST /api/auth/magic/consume": "auth.consumeMagicToken",
  "POST /api/auth/magic/inspect": "auth.inspectMagicToken",
  "POST /api/auth/logout": "auth.logout",
  "GET /api/auth/providers": "auth.providers",
  "POST /api/auth/magic/request": "auth.requestMagicLink",
  // A browser navigation, not a fetch: the SDK builds the URL.
  "GET /api/auth/github/start": "auth.gitHubSignInUrl",
  "GET /api/invites/{token}": "invites.preview",
  "POST /api/invites/{token}/accept": "invites.accept",

  "GET /api/me": "me.info",
  "PATCH /api/me": "me.update",
  "GET /api/me/sessions": "me.sessions",
  "DELETE /api/me/sessions/{session_id}": "me.revokeSession",

  "GET /api/workspaces": "workspaces.list",
  "POST /api/workspaces": "workspaces.create",
  "GET /api/workspaces/{workspace_id}": "workspaces.get",
  "PATCH /api/workspaces/{workspace_id}": "workspaces.update",
  "DELETE /api/workspaces/{workspace_id}": "workspaces.delete",
  "POST /api/workspaces/{workspace_id}/transfer-ownership": "workspaces.transferOwnership",
  "GET /api/workspaces/{workspace_id}/members": "workspaces.memberPage",
  "PATCH /api/workspaces/{workspace_id}/members/{user_id}": "workspaces.changeRole",
  "DELETE /api/workspaces/{workspace_id}/members/{user_id}": "workspaces.removeMember",
  "GET /api/workspaces/{workspace_id}/invites": "invites.list",
  "POST /api/workspaces/{workspace_id}/invites": "invites.create",
  "DELETE /api/workspaces/{workspace_id}/invites/{invite_id}": "invites.revoke",
  "GET /api/workspaces/{workspace_id}/presence": "workspaces.presence",

  "GET /api/workspaces/{workspace_id}/bots": "bots.list",
  "POST /api/workspaces/{workspace_id}/bots": "bots.create",
  "GET /api/workspaces/{workspace_id}/bots/{bot_id}/tokens": "bots.tokens",
  "POST /api/workspaces/{workspace_id}/bots/{bot_id}/tokens": "bots.createToken",
  "POST /api/bot-tokens/{bot_token_id}/revoke": "bots.revokeToken",
  "POST /hooks/{key}": "webhooks.post",
  "POST /api/hooks/mattermost/{channel_id}": "webhooks.postMattermost",
  "GET /api/workspaces/{workspace_id}/webhooks": "webhooks.list",
  "POST /api/workspaces/{workspace_id}/webhooks": "webhooks.create",
  "POST /api/webhooks/{webhook_id}/rotate": "webhooks.rotate",
  "POST /api/webhooks/{webhook_id}/revoke": "webhooks.revoke",
  "POST /api/commands/execute": "commands.execute",
  "GET /api/workspaces/{workspace_id}/commands": "commands.list",
  "POST /api/workspaces/{workspace_id}/commands": "commands.register",
  "POST /api/commands/{command_id}/revoke": "commands.revoke",
  "POST /api/commands/{command_id}/rotate-secret": "commands.rotateSecret",
  "POST /hooks/commands/{token}": "commands.respond",
  "GET /api/workspaces/{workspace_id}/event-subscriptions": "eventSubscriptions.list",
  "POST /api/workspaces/{workspace_id}/event-subscriptions": "eventSubscriptions.create",
  "POST /api/event-subscriptions/{subscription_id}/pause": "eventSubscriptions.pause",
  "POST /api/event-subscriptions/{subscription_id}/resume": "eventSubscriptions.resume",
  "DELETE /api/event-subscriptions/{subscription_id}": "eventSubscriptions.delete",
  "GET /api/event-subscriptions/{subscription_id}/deliveries": "eventSubscriptions.deliveries",

  "GET /api/workspaces/{workspace_id}/channels": "channels.page",
  "POST /api/workspaces/{workspace_id}/channels": "channels.create",
  "GET /api/channels/{channel_id}": "channels.get",
  "PATCH /api/channels/{channel_id}": "channels.update",
  "POST /api/channels/{channel_id}/join": "channels.join",
  "POST /api/channels/{channel_id}/leave": "channels.leave",
  "GET /api/channels/{channel_id}/members": "channels.members",
  "POST /api/channels/{channel_id}/members": "channels.addMember",
  "DELETE /api/channels/{channel_id}/members/{user_id}": "channels.removeMember",
  "GET /api/channels/{channel_id}/pins": "channels.pins",
  "POST /api/channels/{channel_id}/pins": "channels.pin",
  "DELETE /api/channels/{channel_id}/pins/{message_id}": "channels.unpin",
  "GET /api/channels/{channel_id}/notification-settings": "channels.notificationPreference",
  "PATCH /api/channels/{channel_id}/notification-settings": "channels.setNotificationPreference",
  "POST /api/channels/{channel_id}/read": "channels.markRead",
  "GET /api/channels/{channel_id}/messages": "channels.messages",
  "POST /api/channels/{channel_id}/messages": "channels.sendMessage",

  "GET /api/dms": "dms.list",
  "POST /api/dms": "dms.create",
  "GET /api/dms/{dm_id}": "dms.get",
  "DELETE /api/dms/{dm_id}": "dms.hide",
  "POST /api/dms/{dm_id}/open": "dms.open",
  "GET /api/dms/{dm_id}/messages": "dms.messages",
  "POST /api/dms/{dm_id}/messages": "dms.sendMessage",
  "POST /api/dms/{dm_id}/read": "dms.markRead",

  "GET /api/messages/{message_id}": "messages.get",
  "PATCH /api/messages/{message_id}": "messages.edit",
  "DELETE /api/messages/{message_id}": "messages.delete",
  "GET /api/messages/{message_id}/thread": "threads.get",
  "POST /api/messages/{message_id}/thread/replies": "threads.reply",
  "POST /api/messages/{message_id}/reactions": "reactions.add",
  "DELETE /api/messages/{message_id}/reactions/{emoji}": "reactions.remove",
  "GET /api/search": "search",

  "POST /api/uploads": "uploads.create",
  "GET /api/uploads/{upload_id}": "uploads.download",
  "GET /api/uploads/{upload_id}/thumbnail": "uploads.thumbnail",
  "GET /api/avatars/{upload_id}": "uploads.avatar",
  "POST /api/messages/{message_id}/attachments": "uploads.attach",

  "GET /api/realtime/events": "events.list",
  "POST /api/realtime/ephemeral": "realtime.ephemeral",
  "GET /api/realtime/ws": "events.subscribe",
};

/**
 * Operations the SDK deliberately has no method for, with the reason. Keep this short: the issue asks
 * for every operation, and only a route no program can usefully call belongs here.
 */
export const NOT_IN_SDK: Record<string, string> = {
  "GET /api/auth/github/callback":
    "GitHub redirects the browser here with a one-time code bound to a cookie; no client calls it",
};
