// The web app's only door to the server: a thin layer over @clickclack/sdk. Components and stores call
// these functions and never build URLs or headers themselves. The browser authenticates with the
// HttpOnly `cc_session` cookie (no token in JS), and the SDK adds the CSRF header to cookie writes.

import { ClickClackClient, type SearchOptions } from "@clickclack/sdk";
import { isDmId } from "./conversation";
import type { DirectConversation } from "./dms";
import type {
  BotScope,
  BotToken,
  BotWithTokens,
  Channel,
  CommandWithSecret,
  EventDelivery,
  EventSubscription,
  EventSubscriptionWithSecret,
  RegisterCommandInput,
  SlashCommand,
  Invite,
  InviteCreated,
  InvitePreview,
  LinkOwner,
  Message,
  MessagePage,
  Reaction,
  SearchPage,
  ThreadPage,
  SessionSummary,
  SignInProviders,
  ThreadState,
  UpdateMeInput,
  User,
  Webhook,
  Workspace,
} from "./types";

export const client = new ClickClackClient({ baseUrl: "", credentials: "same-origin" });

export const PAGE_SIZE = 50;

export const api = {
  /** The caller; `devFallback` when the server signed them in as its `--dev` fallback user. */
  me: async (): Promise<{ user: User; devFallback: boolean }> => {
    const r = await client.me.info();
    return { user: r.user, devFallback: r.dev_fallback === true };
  },
  // The browser asks for the cookie only: the session's secret never reaches page scripts.
  signIn: async (token: string): Promise<User> =>
    (await client.auth.consumeMagicToken(token, { credential: "cookie" })).user,
  /** Whose account a sign-in link is for, without using it up. */
  inspectLink: (token: string): Promise<LinkOwner> => client.auth.inspectMagicToken(token),
  signOut: (): Promise<void> => client.auth.logout(),
  /** Which sign-in methods the server offers (GitHub, email links). */
  providers: (): Promise<SignInProviders> => client.auth.providers(),
  /** Mails a sign-in link; the answer is the same whether or not the address has an account. */
  requestLink: async (email: string, inviteToken?: string): Promise<void> => {
    await client.auth.requestMagicLink(email, { inviteToken });
  },
  /** Where "Sign in with GitHub" navigates (a full page load: GitHub's pages are not ours). */
  gitHubUrl: (inviteToken?: string): string => client.auth.gitHubSignInUrl({ inviteToken }),

  previewInvite: (token: string): Promise<InvitePreview> => client.invites.preview(token),
  acceptInvite: async (token: string): Promise<string> =>
    (await client.invites.accept(token)).workspace.id,
  invites: (workspaceId: string): Promise<Invite[]> => client.invites.list(workspaceId),
  createInvite: (
    workspaceId: string,
    options: { expiresInSeconds: number; maxUses?: number },
  ): Promise<InviteCreated> => client.invites.create(workspaceId, options),
  revokeInvite: (workspaceId: string, inviteId: string): Promise<Invite> =>
    client.invites.revoke(workspaceId, inviteId),

  // Integrations (owners and moderators): bots with their tokens, incoming webhooks. Secrets (a token's
  // `token`, a webhook's `key`) are only in the answers that create or rotate them.
  bots: (workspaceId: string): Promise<BotWithTokens[]> => client.bots.list(workspaceId),
  createBot: (workspaceId: string, name: string, scopes: BotScope[]) =>
    client.bots.create(workspaceId, { name, scopes }),
  createBotToken: (workspaceId: string, botId: string, name: string): Promise<BotToken> =>
    client.bots.createToken(workspaceId, botId, name ? { name } : {}),
  revokeBotToken: (tokenId: string): Promise<BotToken> => client.bots.revokeToken(tokenId),
  webhooks: (workspaceId: string): Promise<Webhook[]> => client.webhooks.list(workspaceId),
  createWebhook: (workspaceId: string, channelId: string, name: string): Promise<Webhook> =>
    client.webhooks.create(
      workspaceId,
      name ? { channel_id: channelId, name } : { channel_id: channelId },
    ),
  rotateWebhook: (webhookId: string): Promise<Webhook> => client.webhooks.rotate(webhookId),
  revokeWebhook: (webhookId: string): Promise<Webhook> => client.webhooks.revoke(webhookId),
  // Registered slash commands and outgoing event subscriptions: their signing secrets are only in the
  // answers that create or rotate them.
  registerCommand: (workspaceId: string, input: RegisterCommandInput): Promise<CommandWithSecret> =>
    client.commands.register(workspaceId, input),
  rotateCommandSecret: (commandId: string): Promise<CommandWithSecret> =>
    client.commands.rotateSecret(commandId),
  revokeCommand: (commandId: string): Promise<SlashCommand> => client.commands.revoke(commandId),
  subscriptions: (workspaceId: string): Promise<EventSubscription[]> =>
    client.eventSubscriptions.list(workspaceId),
  subscribe: (
    workspaceId: string,
    url: string,
    eventTypes: string[],
  ): Promise<EventSubscriptionWithSecret> =>
    client.eventSubscriptions.create(workspaceId, { url, event_types: eventTypes }),
  pauseSubscription: (id: string): Promise<EventSubscription> =>
    client.eventSubscriptions.pause(id),
  resumeSubscription: (id: string): Promise<EventSubscription> =>
    client.eventSubscriptions.resume(id),
  deleteSubscription: (id: string): Promise<void> => client.eventSubscriptions.delete(id),
  deliveries: (id: string): Promise<EventDelivery[]> => client.eventSubscriptions.deliveries(id),

  sessions: (): Promise<SessionSummary[]> => client.me.sessions(),
  revokeSession: (sessionId: string): Promise<void> => client.me.revokeSession(sessionId),

  workspaces: (): Promise<Workspace[]> => client.workspaces.list(),
  createWorkspace: async (name: string): Promise<{ workspace: Workspace; channel: Channel }> => {
    const r = await client.workspaces.create({ name });
    return { workspace: r.workspace, channel: r.channel };
  },
  members: (workspaceId: string) => client.workspaces.members(workspaceId),
  updateWorkspace: async (
    workspaceId: string,
    patch: { name?: string; slug?: string; icon?: string },
  ): Promise<Workspace> => (await client.workspaces.update(workspaceId, patch)).workspace,
  /** The owner deletes the workspace; `confirm` is its slug, typed out. */
  deleteWorkspace: (workspaceId: string, confirm: string): Promise<void> =>
    client.workspaces.delete(workspaceId, confirm),
  changeRole: async (
    workspaceId: string,
    userId: string,
    role: "moderator" | "member" | "guest",
  ): Promise<void> => {
    await client.workspaces.changeRole(workspaceId, userId, role);
  },
  transferOwnership: async (workspaceId: string, userId: string): Promise<void> => {
    await client.workspaces.transferOwnership(workspaceId, userId);
  },
  removeMember: async (workspaceId: string, userId: string): Promise<void> => {
    await client.workspaces.removeMember(workspaceId, userId);
  },
  channelMembers: (channelId: string) => client.channels.members(channelId),
  removeChannelMember: async (channelId: string, userId: string): Promise<void> => {
    await client.channels.removeMember(channelId, userId);
  },
  updateMe: (change: UpdateMeInput): Promise<User> => client.me.update(change),
  presence: (workspaceId: string) => client.workspaces.presence(workspaceId),

  channels: (workspaceId: string): Promise<Channel[]> => client.channels.list(workspaceId),
  createChannel: async (
    workspaceId: string,
    name: string,
    kind: "public" | "private" = "public",
  ): Promise<Channel> => (await client.channels.create(workspaceId, { name, kind })).channel,
  pins: (channelId: string): Promise<Message[]> => client.channels.pins(channelId),
  pin: async (channelId: string, messageId: string): Promise<void> => {
    await client.channels.pin(channelId, messageId);
  },
  addChannelMember: async (channelId: string, userId: string): Promise<void> => {
    await client.channels.addMember(channelId, userId);
  },
  joinChannel: async (channelId: string): Promise<Channel> =>
    (await client.channels.join(channelId)).channel,
  leaveChannel: async (channelId: string): Promise<void> => {
    await client.channels.leave(channelId);
  },
  setNotificationPreference: (channelId: string, preference: "all" | "mentions" | "muted") =>
    client.channels.setNotificationPreference(channelId, preference),
  updateChannel: async (
    channelId: string,
    patch: { name?: string; topic?: string; archived?: boolean },
  ): Promise<Channel> => (await client.channels.update(channelId, patch)).channel,

  /** Moves the server's read pointer (which `mention_count` is counted against). */
  /**
   * Runs a slash command line in a channel, or in a thread of it; what it posted or changed arrives as events
   * like any other.
   */
  command: async (channelId: string, line: string, threadRootId?: string) =>
    await client.commands.execute(channelId, line, { threadRootId }),
  /** The workspace's commands (built-in and registered) with descriptions, for the composer. */
  commands: (workspaceId: string) => client.commands.list(workspaceId),
  markRead: async (channelId: string, seq: number): Promise<void> => {
    await client.channels.markRead(channelId, seq);
  },
  // Timelines, older pages and posting take a channel's or a direct conversation's id (lib/conversation).
  latest: (id: string): Promise<MessagePage> =>
    (isDmId(id) ? client.dms : client.channels).messages(id, { limit: PAGE_SIZE }),
  older: (id: string, beforeSeq: number): Promise<MessagePage> =>
    (isDmId(id) ? client.dms : client.channels).messages(id, { beforeSeq, limit: PAGE_SIZE }),
  /** The page centred on one message (jumping to a search result). */
  around: (id: string, aroundSeq: number): Promise<MessagePage> =>
    (isDmId(id) ? client.dms : client.channels).messages(id, { aroundSeq, limit: PAGE_SIZE }),
  newer: (id: string, afterSeq: number): Promise<MessagePage> =>
    (isDmId(id) ? client.dms : client.channels).messages(id, { afterSeq, limit: PAGE_SIZE }),
  message: (messageId: string): Promise<Message> => client.messages.get(messageId),
  search: (options: SearchOptions): Promise<SearchPage> => client.search(options),
  send: async (
    id: string,
    body: string,
    nonce: string,
    uploadIds: string[] = [],
  ): Promise<Message> =>
    (
      await (isDmId(id) ? client.dms : client.channels).sendMessage(
        id,
        uploadIds.length ? { body, nonce, upload_ids: uploadIds } : { body, nonce },
      )
    ).message,

  dms: (workspaceId: string): Promise<DirectConversation[]> => client.dms.list(workspaceId),
  dm: (dmId: string): Promise<DirectConversation> => client.dms.get(dmId),
  /** The conversation with these people (I am added); the same people always get the same one. */
  createDm: (workspaceId: string, userIds: string[]): Promise<DirectConversation> =>
    client.dms.create(workspaceId, userIds),
  /** Shows a conversation I had hidden again. */
  openDm: (dmId: string): Promise<DirectConversation> => client.dms.open(dmId),
  markDmRead: async (dmId: string, seq: number): Promise<void> => {
    await client.dms.markRead(dmId, seq);
  },
  /** Workspace members whose name or handle matches `q` (the people picker). */
  findMembers: async (workspaceId: string, q: string) =>
    (await client.workspaces.memberPage(workspaceId, { q: q.trim() || undefined, limit: 20 }))
      .members,
  edit: async (messageId: string, body: string): Promise<Message> =>
    (await client.messages.edit(messageId, body)).message,
  remove: async (messageId: string): Promise<Message> =>
    (await client.messages.delete(messageId)).message,

  thread: (rootId: string): Promise<ThreadPage> => client.threads.get(rootId),
  reply: async (
    rootId: string,
    body: string,
    nonce: string,
    uploadIds: string[] = [],
  ): Promise<{ message: Message; thread_state: ThreadState | null }> => {
    const r = await client.threads.reply(
      rootId,
      uploadIds.length ? { body, nonce, upload_ids: uploadIds } : { body, nonce },
    );
    return { message: r.message, thread_state: r.thread_state };
  },

  react: async (messageId: string, emoji: string, on: boolean): Promise<Reaction[]> =>
    (on
      ? await client.reactions.add(messageId, emoji)
      : await client.reactions.remove(messageId, emoji)
    ).reactions,

  /**
   * Where a file is uploaded into a workspace. The upload itself goes through lib/upload-transfer.ts
   * (XMLHttpRequest, for its progress events), not the SDK's fetch-based `uploads.create`.
   */
  uploadTarget: (workspaceId: string): string =>
    `/api/uploads?workspace_id=${encodeURIComponent(workspaceId)}`,
  /** Sets an uploaded image as my avatar; `avatar_url` becomes the server's square copy of it. */
  setAvatar: (uploadId: string): Promise<User> => client.me.update({ avatar_upload_id: uploadId }),

  /** Typing in a channel or a direct conversation (only its members hear the latter). */
  typing: (
    workspaceId: string,
    id: string,
    type: "typing.started" | "typing.stopped",
  ): Promise<unknown> =>
    client.realtime.ephemeral(
      isDmId(id)
        ? { workspaceId, directConversationId: id, type }
        : { workspaceId, channelId: id, type },
    ),

  /** Tells the workspace I am away (idle or elsewhere) or back; the server relays it as presence.changed. */
  publishPresence: (workspaceId: string, status: "online" | "away"): Promise<unknown> =>
    client.realtime.ephemeral({ workspaceId, type: "presence.changed", payload: { status } }),

  /** Members whose name or handle matches `q` (the `@` autocomplete), one short page. */
  searchMembers: async (workspaceId: string, q: string, limit = 8) =>
    (await client.workspaces.memberPage(workspaceId, { q, limit })).members,

  /** The newest event cursor now: subscribing from it before loading data means nothing is missed. */
  tailCursor: async (workspaceId: string): Promise<string | undefined> => {
    const page = await client.events.list({ workspaceId, limit: 1, includeTail: true });
    return page.tail_cursor ?? undefined;
  },
};

/** True when an error means "not signed in". */
export function isUnauthorized(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { status?: number }).status === 401;
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
