// Everything the UI shows about one open workspace, wired to the server: the projection of timelines and
// threads, members and presence, typing, and the realtime connection that keeps it all current.
//
// Order of start-up matters for not missing anything: read the event log's tail cursor first, subscribe
// from it, then load data over HTTP. Events that race the HTTP answers are applied twice at worst, which
// the projection treats as a no-op.

import type { ConnectionStatus, Subscription } from "@clickclack/sdk";
import { api, client } from "./api";
import { Drafts, type Conversation } from "./drafts";
import { browserStorage } from "./persisted";
import { presenceOf, type PresenceState } from "./presence";
import { session } from "./session.svelte";
import { Projection, type ThreadView, type Timeline, type ViewMessage } from "./projection";
import { MessageSender } from "./sending";
import { TypingAnnouncer, TypingTracker } from "./typing";
import { bump, cleared, eventMentionsMe, fromChannels, type MentionCounts } from "./mentions";
import { withUser } from "./people";
import type { Channel, ChatEvent, EphemeralEvent, Member, UpdateMeInput, User } from "./types";

export type Connection = "connecting" | "live" | "reconnecting";

const READ_KEY = "clickclack.read";
const RECONNECT_MAX_DELAY_MS = 10_000;

export class WorkspaceStore {
  readonly proj: Projection;
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
  /** Channels with a draft in their composer or one of their threads (the sidebar's pencil). */
  draftChannels = $state.raw<ReadonlySet<string>>(new Set());

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

  /** Another person's presence as far as we can know it: unknown while our own socket is down. */
  presenceOf(userId: string): PresenceState {
    return presenceOf(this.presence, userId, this.connection === "live");
  }

  unread(channel: Channel): boolean {
    if (channel.id === this.#visibleChannel) return false;
    return channel.last_seq > (this.readSeq[channel.id] ?? channel.last_seq);
  }

  /** The mention badge: 0 for the channel on screen, which is being read. */
  mentions(channel: Channel): number {
    if (channel.id === this.#visibleChannel) return 0;
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
    this.#typingTimer = setInterval(() => this.typingVersion++, 1000);
  }

  stop(): void {
    this.#stopped = true;
    this.#sub?.close();
    this.#sub = null;
    if (this.#typingTimer) clearInterval(this.#typingTimer);
  }

  #subscribe(afterCursor: string | undefined): void {
    this.#sub = client.events.subscribe({
      workspaceId: this.id,
      afterCursor,
      onEvent: (e) => this.#onEvent(e),
      onEphemeral: (e) => this.#onEphemeral(e),
      onStatus: (s) => this.#onStatus(s),
      onResync: () => this.resync(),
      // A person is looking at this screen: retry at least every 10 s rather than the SDK's 30 s.
      backoff: { maxDelayMs: RECONNECT_MAX_DELAY_MS },
    });
  }

  #onStatus(status: ConnectionStatus): void {
    if (status === "open") {
      this.connection = "live";
      // Presence changes are ephemeral: any made while we were away are gone, so ask again.
      if (this.#wasLive) void this.#reloadPresence();
      this.#wasLive = true;
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
    const [channels, members, presence] = await Promise.all([
      api.channels(this.id),
      api.members(this.id),
      api.presence(this.id).catch(() => []),
    ]);
    this.proj.setChannels(channels);
    this.mentionCounts = fromChannels(channels);
    if (this.#visibleChannel) this.markRead(this.#visibleChannel); // it is on screen: read
    // A channel seen for the first time counts as read up to now; only later messages mark it unread.
    const unseen = channels.filter((c) => this.readSeq[c.id] === undefined);
    if (unseen.length)
      this.#saveRead({
        ...this.readSeq,
        ...Object.fromEntries(unseen.map((c) => [c.id, c.last_seq])),
      });
    this.members = members;
    this.presence = new Map(presence.map((p) => [p.user_id, p.status]));
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

  #onEvent(event: ChatEvent): void {
    this.proj.applyEvent(event);
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
    } else if (event.type === "user.updated" && p.user) {
      // Names and statuses change live: the member list, author lines (they read users from here)
      // and, for my own edits from another tab, the card at the foot of the sidebar.
      this.#showUser(p.user as User);
    } else if (
      (event.type === "message.created" || event.type === "thread.reply_created") &&
      p.author_id
    ) {
      this.#typing.posted(event.channel_id ?? "", String(p.author_id));
      this.typingVersion++;
      if (event.channel_id && eventMentionsMe(event, this.me.id))
        this.mentionCounts = bump(this.mentionCounts, event.channel_id);
    }
    // Reading the channel in front of you keeps it read.
    if (event.channel_id && event.channel_id === this.#visibleChannel)
      this.markRead(event.channel_id);
  }

  #onEphemeral(e: EphemeralEvent): void {
    if (e.type === "typing.started" && e.channel_id) this.#typing.started(e.channel_id, e.user_id);
    else if (e.type === "typing.stopped" && e.channel_id)
      this.#typing.stopped(e.channel_id, e.user_id);
    else if (e.type === "presence.changed") {
      const next = new Map(this.presence);
      next.set(e.user_id, String(e.payload?.status ?? "offline"));
      this.presence = next;
    }
    this.typingVersion++;
  }

  // ---- what is on screen -----------------------------------------------------------------------------

  /** Shows a channel: its newest page, or with `aroundSeq` (a search result) the page around that message. */
  async openChannel(channelId: string, aroundSeq?: number): Promise<void> {
    this.#visibleChannel = channelId;
    this.markRead(channelId);
    if (aroundSeq !== undefined) {
      this.proj.replaceTimeline(channelId, await api.around(channelId, aroundSeq));
    } else if (!this.proj.timeline(channelId)) {
      this.proj.replaceTimeline(channelId, await api.latest(channelId));
      this.markRead(channelId);
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
    const seq = this.proj.channel(channelId)?.last_seq ?? 0;
    if (this.mentionCounts[channelId]) {
      // Read pointers are kept in this browser; the server's moves only when there are mentions to
      // clear, so a reload shows just the mentions that came after (one request per cleared badge).
      this.mentionCounts = cleared(this.mentionCounts, channelId);
      void api.markRead(channelId, seq).catch(() => {});
    }
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
  async send(channelId: string, body: string): Promise<void> {
    this.#announcer(channelId).stop();
    this.saveDraft({ channelId, rootId: null }, "");
    await this.#sender.send(channelId, body);
  }

  async reply(root: ViewMessage, body: string): Promise<void> {
    // Threads in this view are under channel messages (DM messages carry no channel_id).
    const channelId = root.channel_id ?? "";
    this.#announcer(channelId).stop();
    this.saveDraft({ channelId, rootId: root.id }, "");
    await this.#sender.send(channelId, body, root.id);
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

  async createChannel(name: string): Promise<Channel> {
    const channel = await api.createChannel(this.id, name);
    this.proj.upsertChannel(channel);
    return channel;
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
