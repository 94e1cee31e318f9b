// Everything the UI shows about one open workspace, wired to the server: the projection of timelines and
// threads, members and presence, typing, and the realtime connection that keeps it all current.
//
// Order of start-up matters for not missing anything: read the event log's tail cursor first, subscribe
// from it, then load data over HTTP. Events that race the HTTP answers are applied twice at worst, which
// the projection treats as a no-op.

import { showsUnread } from "./membership";
import { noteKey } from "./commands";
import { applyMemberEvent } from "./admin";
import { CLOSE_WORKSPACE_DELETED, type ConnectionStatus, type Subscription } from "@clickclack/sdk";
import { untrack } from "svelte";
import { api, client } from "./api";
import { conversationOf, isDmId } from "./conversation";
import { DmStore } from "./dms.svelte";
import { Drafts, type Conversation } from "./drafts";
import { browserStorage } from "./persisted";
import { presenceOf, type PresenceState } from "./presence";
import { session } from "./session.svelte";
import { Projection, type ThreadView, type Timeline, type ViewMessage } from "./projection";
import { MessageSender } from "./sending";
import { TypingAnnouncer, TypingTracker } from "./typing";
import { bump, cleared, eventMentionsMe, fromChannels, type MentionCounts } from "./mentions";
import { withUser } from "./people";
import { attention } from "./attention.svelte";
import { AwayReporter, type OwnStatus } from "./away";
import { ReadSync } from "./read-sync";
import type {
  Channel,
  ChatEvent,
  EphemeralEvent,
  Member,
  Message,
  UpdateMeInput,
  Upload,
  User,
} from "./types";

export type Connection = "connecting" | "live" | "reconnecting";

const READ_KEY = "clickclack.read";
const RECONNECT_MAX_DELAY_MS = 10_000;

export class WorkspaceStore {
  readonly proj: Projection;
  /** Direct conversations: the sidebar list and its badges (their messages live in `proj`). */
  readonly dms: DmStore;
  /** Bumped on every projection change; getters read it so Svelte re-derives what depends on them. */
  version = $state(0);
  members = $state.raw<Member[]>([]);
  presence = $state.raw<ReadonlyMap<string, string>>(new Map());
  connection = $state<Connection>("connecting");
  loaded = $state(false);
  error = $state("");
  readSeq = $state.raw<Record<string, number>>(loadRead());
  /** Unread messages that mention me, per channel (lib/mentions.ts). */
  mentionCounts = $state.raw<MentionCounts>({});
  typingVersion = $state(0);
  /** A registered command's delayed ephemeral reply, per channel or thread (noteKey), until it is shown. */
  commandNotes = $state.raw<Record<string, string>>({});
  /** Channels with a draft in their composer or one of their threads (the sidebar's pencil). */
  draftChannels = $state.raw<ReadonlySet<string>>(new Set());
  /** Where each open channel's "New" divider goes: the read pointer when I came to it (lib/divider.ts). */
  newSince = $state.raw<Record<string, number>>({});
  /** My own presence as this client reports it (lib/away.ts). */
  ownStatus = $state<OwnStatus>("online");
  /** The server closed the socket with 4002: the workspace is gone, with everything in it. */
  deleted = $state(false);

  /** Whether the timeline on screen is scrolled to its newest message, per channel (set by Timeline). */
  #atBottom = new Map<string, boolean>();
  #listeners = new Set<(event: ChatEvent) => void>();
  #unwatch: (() => void)[] = [];
  readonly #readSync = new ReadSync((channelId, seq) => api.markRead(channelId, seq));
  readonly #away = new AwayReporter((status) => {
    this.ownStatus = status;
    void api.publishPresence(this.id, status).catch(() => {});
    this.#readIfReading(); // back at the keyboard: what is on screen is read now
  }, Date.now());

  #sub: Subscription | null = null;
  #typing = new TypingTracker();
  #announcers = new Map<string, TypingAnnouncer>();
  #typingTimer: ReturnType<typeof setInterval> | null = null;
  #visibleChannel = $state<string | null>(null);
  #visibleThread: string | null = null;
  #stopped = false;
  readonly #sender: MessageSender;
  readonly #drafts: Drafts;
  /** Settles once the first load is done; the outbox resends only after it (see #resend). */
  #started: Promise<void> = Promise.resolve();
  #wasLive = false;

  /** The signed-in user; replaced when their own `user.updated` arrives (a profile edit in any tab). */
  me = $state.raw<User>(null as unknown as User);

  constructor(
    readonly id: string,
    me: User,
  ) {
    this.me = me;
    this.proj = new Projection(me.id);
    this.proj.subscribe(() => this.version++);
    this.dms = new DmStore(
      id,
      () => this.me.id,
      (userId) => this.user(userId),
      () => this.readingChannel(),
    );
    const storage = browserStorage();
    this.#sender = new MessageSender(
      this.proj,
      id,
      me,
      (channelId) => this.markRead(channelId),
      storage,
    );
    this.#drafts = new Drafts(me.id, id, storage);
    this.draftChannels = this.#drafts.channels();
  }

  // ---- reading ---------------------------------------------------------------------------------------

  get channels(): Channel[] {
    void this.version;
    return this.proj.channels().toSorted((a, b) => a.name.localeCompare(b.name));
  }

  channel(id: string): Channel | undefined {
    void this.version;
    return this.proj.channel(id);
  }

  timeline(channelId: string): Timeline | undefined {
    void this.version;
    return this.proj.timeline(channelId);
  }

  thread(rootId: string): ThreadView | undefined {
    void this.version;
    return this.proj.thread(rootId);
  }

  readonly users = $derived(new Map(this.members.map((m) => [m.user.id, m.user])));

  user(id: string): User | undefined {
    return id === this.me.id ? this.me : this.users.get(id);
  }

  isOnline(userId: string): boolean {
    return this.presenceOf(userId) === "online";
  }

  /** A person's presence as far as we can know it: unknown while our own socket is down. */
  presenceOf(userId: string): PresenceState {
    if (userId === this.me.id) return this.connection === "live" ? this.ownStatus : "unknown";
    return presenceOf(this.presence, userId, this.connection === "live");
  }

  /** My role here, from the live member list (so a change by the owner applies at once). */
  get myRole(): Member["role"] | undefined {
    return this.members.find((m) => m.user.id === this.me.id)?.role;
  }

  /** Bold in the sidebar: not for the channel in front of me (while I am in front of it). */
  unread(channel: Channel): boolean {
    if (channel.id === this.#visibleChannel && this.#looking()) return false;
    if (!showsUnread(channel)) return false;
    return channel.last_seq > (this.readSeq[channel.id] ?? channel.last_seq);
  }

  /** The mention badge: 0 for the channel on screen, which is being read. */
  mentions(channel: Channel): number {
    if (channel.id === this.#visibleChannel && this.#looking()) return 0;
    return this.mentionCounts[channel.id] ?? 0;
  }

  typingNames(channelId: string): string[] {
    void this.typingVersion;
    return this.#typing
      .active(channelId, this.me.id)
      .map((id) => this.user(id)?.display_name ?? "Someone");
  }

  // ---- lifecycle -------------------------------------------------------------------------------------

  start(): Promise<void> {
    this.#started = this.#start();
    return this.#started;
  }

  async #start(): Promise<void> {
    try {
      const cursor = await api.tailCursor(this.id);
      if (this.#stopped) return;
      this.#subscribe(cursor);
      await this.#loadWorkspace();
      this.loaded = true;
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
    this.#typingTimer = setInterval(() => {
      this.typingVersion++;
      this.#away.tick(Date.now());
    }, 1000);
    this.#unwatch.push(
      attention.onInput(() => this.#away.input(Date.now())),
      attention.onChange(() => {
        if (attention.visible) this.#away.shown(Date.now());
        else this.#away.hidden(Date.now());
        this.#readIfReading();
      }),
    );
  }

  stop(): void {
    this.#stopped = true;
    for (const unwatch of this.#unwatch.splice(0)) unwatch();
    this.#sub?.close();
    this.#sub = null;
    if (this.#typingTimer) clearInterval(this.#typingTimer);
  }

  #subscribe(afterCursor: string | undefined): void {
    const sub = client.events.subscribe({
      workspaceId: this.id,
      afterCursor,
      onEvent: (e) => this.#onEvent(e),
      onEphemeral: (e) => this.#onEphemeral(e),
      onStatus: (s, detail) => this.#onStatus(s, detail.code),
      onResync: () => this.resync(),
      // A person is looking at this screen: retry at least every 10 s rather than the SDK's 30 s.
      backoff: { maxDelayMs: RECONNECT_MAX_DELAY_MS },
    });
    this.#sub = sub;
    this.#updateView(); // a new subscription (after a resync) previews what is on screen again
  }

  #onStatus(status: ConnectionStatus, code?: number): void {
    if (status === "closed" && code === CLOSE_WORKSPACE_DELETED) {
      this.deleted = true;
      return;
    }
    if (status === "open") {
      this.connection = "live";
      // Presence changes are ephemeral: any made while we were away are gone, so ask again.
      if (this.#wasLive) void this.#reloadPresence();
      this.#wasLive = true;
      this.#away.reconnected();
      void this.#resend();
    } else if (status === "reconnecting") this.connection = "reconnecting";
    else if (status === "closed" && !this.#stopped) {
      // The server ended the stream for good (1008: signed out elsewhere or removed from the
      // workspace). Re-checking the session shows the sign-in page when that is the reason.
      this.connection = "reconnecting";
      void session.load();
    }
  }

  async #loadWorkspace(): Promise<void> {
    // Direct messages load beside the rest; a failure there leaves channels working.
    const dms = this.dms.load().catch(() => {});
    const [channels, members, presence] = await Promise.all([
      api.channels(this.id),
      api.members(this.id),
      api.presence(this.id).catch(() => []),
    ]);
    this.proj.setChannels(channels);
    this.mentionCounts = fromChannels(channels);
    // The server's pointer is the truth across devices; this browser's copy can only be ahead of it.
    // A channel never read anywhere (pointer 0) and never seen here counts as read up to now.
    const merged = Object.fromEntries(
      channels.map((c) => {
        const local = this.readSeq[c.id];
        const server = c.last_read_seq ?? 0;
        return [
          c.id,
          local === undefined && server === 0 ? c.last_seq : Math.max(local ?? 0, server),
        ];
      }),
    );
    this.#saveRead({ ...this.readSeq, ...merged });
    this.#readIfReading(); // the channel on screen is read if someone is looking
    this.members = members;
    this.presence = new Map(presence.map((p) => [p.user_id, p.status]));
    await dms;
    // A direct conversation opened by a deep link gets its "New" line once its pointer is known.
    const open = this.#visibleChannel;
    if (open && isDmId(open) && this.newSince[open] === undefined) this.#markNewSince(open);
  }

  async #reloadPresence(): Promise<void> {
    const presence = await api.presence(this.id).catch(() => null);
    if (presence) this.presence = new Map(presence.map((p) => [p.user_id, p.status]));
  }

  /** The connection is (back) up: send what the outbox holds, once the workspace has loaded. */
  async #resend(): Promise<void> {
    await this.#started;
    if (!this.#stopped) await this.#sender.flush();
  }

  /**
   * The server could not replay what we missed (close code 4001): reload what is on screen over HTTP
   * and replace the local state with it. The tail cursor is read *before* refetching and handed back
   * to the subscription, so whatever happens during the refetch is replayed rather than lost.
   */
  async resync(): Promise<string | undefined> {
    const cursor = await api.tailCursor(this.id);
    const channelId = this.#visibleChannel;
    const threadId = this.#visibleThread;
    this.proj.forgetExcept(channelId ? [channelId] : [], threadId ? [threadId] : []);
    await this.#loadWorkspace();
    await Promise.all([
      channelId
        ? api.latest(channelId).then((page) => this.proj.replaceTimeline(channelId, page))
        : null,
      threadId ? api.thread(threadId).then((t) => this.proj.replaceThread(t)) : null,
    ]);
    return cursor;
  }

  /** Saves the caller's profile; the answer shows at once, the `user.updated` event then tells everyone. */
  async updateProfile(change: UpdateMeInput): Promise<User> {
    const user = await api.updateMe(change);
    this.#showUser(user);
    return user;
  }

  #showUser(user: User): void {
    this.members = withUser(this.members, user) as Member[];
    if (user.id === this.me.id) {
      this.me = user;
      session.user = user;
    }
  }

  /** Every durable event after the store has applied it (notifications listen here); answers the unsubscribe. */
  listen(fn: (event: ChatEvent) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  #onEvent(event: ChatEvent): void {
    const pointerBefore = event.channel_id ? this.readSeq[event.channel_id] : undefined;
    const dmId = (event.payload.message as Message | undefined)?.direct_conversation_id;
    const dmBefore = dmId ? (this.dms.get(dmId)?.last_read_seq ?? 0) : undefined;
    this.proj.applyEvent(event);
    // Direct conversations keep their own badges; one being read marks itself read here.
    this.dms.onEvent(event);
    if (dmId && this.readingChannel() === dmId && this.newSince[dmId] === dmBefore)
      this.newSince = { ...this.newSince, [dmId]: this.dms.get(dmId)?.last_read_seq ?? 0 };
    const p = event.payload;
    if (event.type === "member.joined" && p.user) {
      const user = p.user as User;
      if (!this.members.some((m) => m.user.id === user.id))
        this.members = [
          ...this.members,
          { user, role: (p.role as Member["role"]) ?? "member", joined_at: event.created_at },
        ];
    } else if (event.type === "channel.created" && typeof p.channel_id === "string") {
      // Everything in a channel created while we watch is news to us.
      if (this.readSeq[p.channel_id] === undefined)
        this.#saveRead({ ...this.readSeq, [p.channel_id]: 0 });
    } else if (event.type === "member.removed") {
      this.members = this.members.filter((m) => m.user.id !== p.user_id);
    } else if (
      event.type === "member.updated" ||
      event.type === "workspace.ownership_transferred"
    ) {
      this.members = applyMemberEvent(this.members, event);
    } else if (event.type === "user.updated" && p.user) {
      // Names and statuses change live: the member list, author lines (they read users from here)
      // and, for my own edits from another tab, the card at the foot of the sidebar.
      this.#showUser(p.user as User);
    } else if (
      (event.type === "message.created" || event.type === "thread.reply_created") &&
      p.author_id
    ) {
      const message = p.message as Message | undefined;
      this.#typing.posted(
        event.channel_id ?? (message ? conversationOf(message) : ""),
        String(p.author_id),
      );
      this.typingVersion++;
      if (event.channel_id && eventMentionsMe(event, this.me.id))
        this.mentionCounts = bump(this.mentionCounts, event.channel_id);
    } else if (event.type === "channel.read" && event.channel_id) {
      // I read it in another tab or on another device.
      const seq = Number((p.receipt as { last_read_seq?: number } | undefined)?.last_read_seq ?? 0);
      this.mentionCounts = cleared(this.mentionCounts, event.channel_id);
      if (seq > (this.readSeq[event.channel_id] ?? -1))
        this.#saveRead({ ...this.readSeq, [event.channel_id]: seq });
    }
    // Reading the channel in front of you keeps it read; what arrives while you watch is not "new".
    const id = event.channel_id;
    if (id && id === this.#visibleChannel && this.#reading(id)) {
      const followDivider = this.newSince[id] === pointerBefore;
      this.markRead(id);
      if (followDivider) this.newSince = { ...this.newSince, [id]: this.readSeq[id] ?? 0 };
    }
    for (const fn of this.#listeners) fn(event);
  }

  #onEphemeral(e: EphemeralEvent): void {
    // Typing in a direct conversation names it instead of a channel (only its members receive it).
    const where = e.channel_id ?? e.direct_conversation_id;
    if (e.type === "typing.started" && where) this.#typing.started(where, e.user_id);
    else if (e.type === "typing.stopped" && where) this.#typing.stopped(where, e.user_id);
    else if (e.type === "command.ephemeral" && e.channel_id) {
      const root = e.payload?.thread_root_id;
      const key = noteKey({
        channelId: e.channel_id,
        threadRootId: typeof root === "string" ? root : undefined,
      });
      this.commandNotes = { ...this.commandNotes, [key]: String(e.payload?.text ?? "") };
    } else if (e.type === "presence.changed") {
      const next = new Map(this.presence);
      next.set(e.user_id, String(e.payload?.status ?? "offline"));
      this.presence = next;
      if (e.user_id === this.me.id) this.#away.serverSaid(String(e.payload?.status ?? ""));
    }
    this.typingVersion++;
  }

  // ---- what is on screen -----------------------------------------------------------------------------

  /**
   * Shows a channel or a DM: its newest page, or with `aroundSeq` (a search result) the page around that
   * message. Untracked: components call this from an effect, which must re-run only when the channel
   * changes, not whenever a read pointer or badge it touches does.
   */
  openChannel(channelId: string, aroundSeq?: number): Promise<void> {
    return untrack(() => this.#open(channelId, aroundSeq));
  }

  async #open(channelId: string, aroundSeq?: number): Promise<void> {
    this.#visibleChannel = channelId;
    // A public channel I have not joined: its events reach me only while my socket says I am looking at it
    // (the view signal), so what was cached from an earlier preview may have missed some: read it afresh.
    const previewing = this.isPreview(channelId);
    this.#updateView();
    if (previewing && aroundSeq === undefined) {
      this.proj.replaceTimeline(channelId, await api.latest(channelId));
    }
    // A jump into history is not the newest message: nothing is read until the reader gets there.
    this.#atBottom.set(channelId, aroundSeq === undefined);
    // The divider marks what is new since I was last here; it stays while I read on.
    this.#markNewSince(channelId);
    this.#readIfReading();
    if (aroundSeq !== undefined) {
      this.proj.replaceTimeline(channelId, await api.around(channelId, aroundSeq));
    } else if (!this.proj.timeline(channelId)) {
      this.proj.replaceTimeline(channelId, await api.latest(channelId));
      this.#readIfReading();
    }
    this.#sender.restoreChannel(channelId);
  }

  /** After a jump into history: the page after the newest loaded message. */
  async loadNewer(channelId: string): Promise<void> {
    const t = this.proj.timeline(channelId);
    if (!t?.hasNewer || t.newestSeq === null) return;
    this.proj.appendNewer(channelId, await api.newer(channelId, t.newestSeq));
  }

  /** Back to the newest page (the "jump to latest" button after a jump into history). */
  async showLatest(channelId: string): Promise<void> {
    this.proj.replaceTimeline(channelId, await api.latest(channelId));
  }

  /**
   * Places the "New" line at my read pointer as it is now: this browser's for a channel, the server's
   * for a direct conversation (none while that conversation is not loaded yet).
   */
  #markNewSince(id: string): void {
    if (!isDmId(id)) {
      this.newSince = { ...this.newSince, [id]: this.readSeq[id] ?? 0 };
      return;
    }
    const c = this.dms.get(id);
    if (c) this.newSince = { ...this.newSince, [id]: c.last_read_seq ?? 0 };
  }

  /** The channel in front of the person right now: on screen, window focused, at the newest message. */
  readingChannel(): string | null {
    const id = this.#visibleChannel;
    return id && this.#reading(id) ? id : null;
  }

  /** The timeline reports whether it is scrolled to the newest message; reaching it reads the channel. */
  setAtBottom(channelId: string, atBottom: boolean): void {
    if (this.#atBottom.get(channelId) === atBottom) return;
    this.#atBottom.set(channelId, atBottom);
    this.#readIfReading();
  }

  /**
   * Someone is in front of this tab: visible, focused, and not idle. Idle counts as not looking, so a
   * focused window left alone does not read (nor tell the server "active") whatever arrives.
   */
  #looking(): boolean {
    return attention.active && this.ownStatus === "online";
  }

  #reading(channelId: string): boolean {
    return this.#looking() && (this.#atBottom.get(channelId) ?? true);
  }

  #readIfReading(): void {
    const id = this.#visibleChannel;
    if (id && this.#reading(id)) this.markRead(id);
  }

  /**
   * Loads the page before the oldest loaded message. `beforeApply` runs once the page has arrived and
   * right before it is shown, which is when the timeline notes the reader's position.
   */
  async loadOlder(channelId: string, beforeApply?: () => void): Promise<void> {
    const t = this.proj.timeline(channelId);
    if (!t?.hasOlder || t.oldestSeq === null) return;
    const page = await api.older(channelId, t.oldestSeq);
    beforeApply?.();
    this.proj.prependOlder(channelId, page);
  }

  async openThread(rootId: string | null): Promise<void> {
    const prev = this.#visibleThread;
    this.#visibleThread = rootId;
    if (prev && prev !== rootId) this.proj.closeThread(prev);
    if (!rootId) return;
    this.proj.replaceThread(await api.thread(rootId));
    this.#sender.restoreThread(rootId);
  }

  markRead(channelId: string): void {
    // A direct conversation's badges and pointer are the DM store's (dms.svelte.ts).
    if (isDmId(channelId)) return this.dms.markRead(channelId);
    const seq = this.proj.channel(channelId)?.last_seq ?? 0;
    const hadMentions = !!this.mentionCounts[channelId];
    this.mentionCounts = cleared(this.mentionCounts, channelId);
    if (!hadMentions && (this.readSeq[channelId] ?? -1) >= seq) return;
    // The server's pointer follows (coalesced: one request in flight per channel), so other devices
    // and the next page load start from here; a mention in a thread reply needs the move to clear.
    this.#readSync.read(channelId, seq);
    if ((this.readSeq[channelId] ?? -1) >= seq) return;
    this.#saveRead({ ...this.readSeq, [channelId]: seq });
  }

  #saveRead(next: Record<string, number>): void {
    this.readSeq = next;
    try {
      localStorage.setItem(READ_KEY, JSON.stringify(next));
    } catch {
      // Unread dots then reset on reload; nothing else depends on it.
    }
  }

  // ---- writes ----------------------------------------------------------------------------------------

  /** Posts a root message: shown at once, kept in the outbox until confirmed (see sending.ts). */
  async send(channelId: string, body: string, attachments: Upload[] = []): Promise<void> {
    this.#announcer(channelId).stop();
    this.saveDraft({ channelId, rootId: null }, "");
    await this.#sender.send(channelId, body, null, attachments);
  }

  async reply(root: ViewMessage, body: string, attachments: Upload[] = []): Promise<void> {
    // The thread's conversation: a channel, or a direct conversation (then no channel_id).
    const channelId = conversationOf(root);
    this.#announcer(channelId).stop();
    this.saveDraft({ channelId, rootId: root.id }, "");
    await this.#sender.send(channelId, body, root.id, attachments);
  }

  /** Sends a failed message again under its original nonce, so the server never stores it twice. */
  retry(m: ViewMessage): Promise<void> {
    return this.#sender.retry(m);
  }

  discard(m: ViewMessage): void {
    this.#sender.discard(m);
  }

  // ---- drafts ----------------------------------------------------------------------------------------

  draft(c: Conversation): string {
    return this.#drafts.get(c);
  }

  saveDraft(c: Conversation, text: string): void {
    if (this.#drafts.set(c, text)) this.draftChannels = this.#drafts.channels();
  }

  hasDraft(channelId: string): boolean {
    return this.draftChannels.has(channelId);
  }

  async edit(messageId: string, body: string): Promise<void> {
    this.proj.upsertMessage(await api.edit(messageId, body));
  }

  async remove(messageId: string): Promise<void> {
    this.proj.upsertMessage(await api.remove(messageId));
  }

  /** Pins a channel message; the pinned list reads the server's when it opens. */
  async pin(channelId: string, messageId: string): Promise<void> {
    await api.pin(channelId, messageId);
  }

  async toggleReaction(messageId: string, emoji: string): Promise<void> {
    const on = this.proj.toggleReactionLocally(messageId, emoji);
    try {
      this.proj.setReactions(messageId, await api.react(messageId, emoji, on));
    } catch {
      this.proj.toggleReactionLocally(messageId, emoji); // undo the optimistic flip
    }
  }

  typing(channelId: string, text: string): void {
    this.#announcer(channelId).input(text);
  }

  async createChannel(name: string, kind: "public" | "private" = "public"): Promise<Channel> {
    const channel = await api.createChannel(this.id, name, kind);
    // The create answer is not per user: I made it, so I am in it.
    this.proj.upsertChannel({ ...channel, is_member: true, notification_preference: "all" });
    return channel;
  }

  /** Joins a channel from the browser; the answer carries my membership, so the sidebar shows it at once. */
  async joinChannel(channelId: string): Promise<void> {
    const wasPreviewed = !!this.proj.timeline(channelId);
    this.proj.upsertChannel(await api.joinChannel(channelId));
    this.#updateView();
    // Its events reach me from the join on; a page cached from an old preview may lack some before it.
    if (wasPreviewed && channelId !== this.#visibleChannel) {
      this.proj.replaceTimeline(channelId, await api.latest(channelId));
    }
  }

  /** Whether the channel is one I may read but have not joined: shown read-only, with a Join bar. */
  isPreview(channelId: string): boolean {
    const channel = this.proj.channel(channelId);
    return !!channel && channel.kind !== "private" && channel.is_member === false;
  }

  /** Tells the socket which unjoined channel is on screen (or none), so its events keep a preview live. */
  #updateView(): void {
    const id = this.#visibleChannel;
    this.#sub?.view(id && this.isPreview(id) ? id : undefined);
  }

  async leaveChannel(channelId: string): Promise<void> {
    await api.leaveChannel(channelId);
    const channel = this.proj.channel(channelId);
    if (channel?.kind === "private") this.proj.removeChannel(channelId);
    else if (channel)
      this.proj.upsertChannel({ ...channel, is_member: false, notification_preference: undefined });
  }

  async setNotificationPreference(
    channelId: string,
    preference: "all" | "mentions" | "muted",
  ): Promise<void> {
    const now = await api.setNotificationPreference(channelId, preference);
    const channel = this.proj.channel(channelId);
    if (channel) this.proj.upsertChannel({ ...channel, notification_preference: now });
  }

  async updateChannel(
    channelId: string,
    patch: { name?: string; archived?: boolean; topic?: string },
  ): Promise<void> {
    this.proj.upsertChannel(await api.updateChannel(channelId, patch));
  }

  #announcer(channelId: string): TypingAnnouncer {
    let a = this.#announcers.get(channelId);
    if (!a) {
      a = new TypingAnnouncer((type) => void api.typing(this.id, channelId, type).catch(() => {}));
      this.#announcers.set(channelId, a);
    }
    return a;
  }
}

function loadRead(): Record<string, number> {
  try {
    return JSON.parse(localStorage.getItem(READ_KEY) ?? "{}") as Record<string, number>;
  } catch {
    return {};
  }
}
