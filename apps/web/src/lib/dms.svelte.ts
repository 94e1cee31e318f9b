// The open workspace's direct conversations for the sidebar and the DM view: the list with its unread and
// mention badges, kept current by `dm.created`, `dm.read` and DM messages from the realtime stream. The
// messages themselves live in the workspace's projection, keyed by the conversation id like a channel.
//
// A conversation counts as read while the workspace says it is being read (on screen, the person looking,
// scrolled to the newest message: WorkspaceStore.readingChannel, the same rule as channels); then a new
// message moves the server's pointer at once instead of counting.

import { api } from "./api";
import {
  dmTitle,
  markedRead,
  needsRead,
  onNewMessage,
  onRead,
  upsert,
  withPerson,
  type DirectConversation,
} from "./dms";
import type { ChatEvent, Message, User } from "./types";

export class DmStore {
  list = $state.raw<DirectConversation[]>([]);
  loaded = $state(false);

  constructor(
    private readonly workspaceId: string,
    private readonly meId: () => string,
    private readonly live: (id: string) => User | undefined,
    /** The conversation (or channel) being read right now, if any. */
    private readonly readingNow: () => string | null,
  ) {}

  get(dmId: string): DirectConversation | undefined {
    return this.list.find((c) => c.id === dmId);
  }

  /** The other people's names, as they read now. */
  title(dmId: string): string {
    const c = this.get(dmId);
    return c ? dmTitle(c, this.meId(), this.live) : "Direct message";
  }

  async load(): Promise<void> {
    this.list = await api.dms(this.workspaceId);
    this.loaded = true;
    this.#readIfReading();
  }

  /** Opens (creating it the first time) the conversation with these people; I am added by the server. */
  async openWith(userIds: string[]): Promise<DirectConversation> {
    const known =
      userIds.length === 1 ? withPerson(this.list, this.meId(), userIds[0]!) : undefined;
    if (known) return known;
    const c = await api.createDm(this.workspaceId, userIds);
    this.list = upsert(this.list, c);
    return c;
  }

  /** A deep link to a conversation the list does not show (hidden by me): show it again. */
  async ensure(dmId: string): Promise<void> {
    if (this.get(dmId)) return;
    // Awaited first: the list may have loaded meanwhile, and that is the list to add to.
    const c = await api.openDm(dmId);
    this.list = upsert(this.list, c);
    this.#readIfReading();
  }

  #readIfReading(): void {
    const id = this.readingNow();
    if (id) this.markRead(id);
  }

  markRead(dmId: string): void {
    const c = this.get(dmId);
    if (!c || !needsRead(c)) return;
    this.list = markedRead(this.list, dmId);
    void api.markDmRead(dmId, c.last_seq).catch(() => {});
  }

  onEvent(event: ChatEvent): void {
    const type = event.type;
    const p = event.payload as Record<string, unknown>;
    if (type === "dm.created" && p.conversation) {
      this.list = upsert(this.list, p.conversation as DirectConversation);
    } else if (type === "dm.read" && typeof p.direct_conversation_id === "string") {
      const seq = (p.receipt as { last_read_seq?: number } | undefined)?.last_read_seq ?? 0;
      const r = onRead(this.list, p.direct_conversation_id, seq);
      this.list = r.list;
      if (r.stale) void this.#refetch(p.direct_conversation_id);
    } else if (type === "message.created" || type === "thread.reply_created") {
      const m = p.message as Message | undefined;
      if (!m?.direct_conversation_id) return;
      const r = onNewMessage(this.list, m, this.meId(), (id) => id === this.readingNow());
      this.list = r.list;
      if (r.missing) void this.#refetch(r.missing);
      if (r.read) void api.markDmRead(r.read.dmId, r.read.seq).catch(() => {});
    }
  }

  async #refetch(dmId: string): Promise<void> {
    const c = await api.dm(dmId).catch(() => null);
    if (c) this.list = upsert(this.list, c);
  }
}
