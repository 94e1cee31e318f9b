// The client-side projection of one workspace: channel timelines, open threads and the channel list.
//
// The server's event log is the truth; this module only keeps a local, render-ready copy of the part
// the user is looking at. Every input (HTTP pages, mutation responses, realtime events) is applied
// idempotently, because the same change usually arrives twice: once in the HTTP response and once over
// the WebSocket, in either order. Updates are copy-on-write: a change produces new arrays and new
// objects only for what changed, so the UI can compare references and re-render just those rows.

import { applyMembership } from "./membership";
import type {
  Channel,
  ChatEvent,
  Message,
  MessagePage,
  Reaction,
  ReactionChange,
  ThreadPage,
  ThreadState,
} from "./types";
import { conversationOf } from "./conversation";
import { toggleReactor } from "./reactions";

/** A message as shown: a server message, or a local one still sending (or failed). */
export interface ViewMessage extends Message {
  pending?: "sending" | "failed";
}

export interface Timeline {
  channelId: string;
  /** Confirmed root messages ascending by channel_seq, then pending ones in the order they were sent. */
  messages: readonly ViewMessage[];
  hasOlder: boolean;
  oldestSeq: number | null;
  /** True after a jump into history: newer messages exist that are not loaded (live ones wait too). */
  hasNewer: boolean;
  newestSeq: number | null;
}

export interface ThreadView {
  rootId: string;
  root: ViewMessage;
  /** Confirmed replies ascending by thread_seq, then pending ones. */
  replies: readonly ViewMessage[];
}

type Listener = () => void;

/** The stable identity of a row: a pending message and its confirmed version share the nonce. */
export function messageKey(m: Message): string {
  return m.nonce ?? m.id;
}

export class Projection {
  private readonly timelines = new Map<string, Timeline>();
  private readonly threads = new Map<string, ThreadView>();
  private channelMap = new Map<string, Channel>();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly meId: string) {}

  // ---- reading -----------------------------------------------------------------------------------

  timeline(channelId: string): Timeline | undefined {
    return this.timelines.get(channelId);
  }

  thread(rootId: string): ThreadView | undefined {
    return this.threads.get(rootId);
  }

  channels(): Channel[] {
    return Array.from(this.channelMap.values());
  }

  channel(channelId: string): Channel | undefined {
    return this.channelMap.get(channelId);
  }

  /** Finds a loaded message by id in any timeline or thread. */
  find(messageId: string): ViewMessage | undefined {
    for (const t of this.timelines.values()) {
      const m = t.messages.find((x) => x.id === messageId);
      if (m) return m;
    }
    for (const th of this.threads.values()) {
      if (th.root.id === messageId) return th.root;
      const m = th.replies.find((x) => x.id === messageId);
      if (m) return m;
    }
    return undefined;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- loading -----------------------------------------------------------------------------------

  setChannels(channels: readonly Channel[]): void {
    this.channelMap = new Map(channels.map((c) => [c.id, c]));
    this.emit();
  }

  upsertChannel(channel: Channel): void {
    const prev = this.channelMap.get(channel.id);
    // A channel object from an older event must not roll back a newer last_seq.
    const lastSeq = Math.max(prev?.last_seq ?? 0, channel.last_seq ?? 0);
    this.channelMap.set(channel.id, { ...prev, ...channel, last_seq: lastSeq });
    this.emit();
  }

  /** Forgets a channel I may no longer see (a private one I left, or one made private without me). */
  removeChannel(channelId: string): void {
    if (!this.channelMap.delete(channelId)) return;
    this.timelines.delete(channelId);
    this.emit();
  }

  /** Replaces a channel's timeline with a page: the latest (first load, resync) or one around a jump target. */
  replaceTimeline(channelId: string, page: MessagePage): void {
    const prev = this.timelines.get(channelId);
    const confirmed = sortBy(
      page.messages.filter((m) => !m.parent_message_id),
      (m) => m.channel_seq ?? 0,
    );
    // Keep messages the user is still sending unless the server already has them.
    const nonces = new Set(confirmed.map((m) => m.nonce).filter(Boolean));
    const pending = (prev?.messages ?? []).filter((m) => m.pending && !nonces.has(m.nonce ?? ""));
    this.timelines.set(channelId, {
      channelId,
      messages: [...confirmed, ...pending],
      hasOlder: page.has_older,
      oldestSeq: page.oldest_seq ?? confirmed[0]?.channel_seq ?? null,
      hasNewer: page.has_newer,
      newestSeq: page.newest_seq ?? confirmed.at(-1)?.channel_seq ?? null,
    });
    this.bumpLastSeq(channelId, page.newest_seq ?? 0);
    this.emit();
  }

  /** Adds an older page in front of the loaded timeline (scroll-up history). */
  prependOlder(channelId: string, page: MessagePage): void {
    const t = this.timelines.get(channelId);
    if (!t) return this.replaceTimeline(channelId, page);
    const known = new Set(t.messages.map((m) => m.id));
    const older = sortBy(
      page.messages.filter((m) => !m.parent_message_id && !known.has(m.id)),
      (m) => m.channel_seq ?? 0,
    );
    this.timelines.set(channelId, {
      ...t,
      messages: [...older, ...t.messages],
      hasOlder: page.has_older,
      oldestSeq: page.oldest_seq ?? older[0]?.channel_seq ?? t.oldestSeq,
    });
    this.emit();
  }

  /** Adds a newer page after the loaded timeline (scrolling down from a jump into history). */
  appendNewer(channelId: string, page: MessagePage): void {
    const t = this.timelines.get(channelId);
    if (!t) return this.replaceTimeline(channelId, page);
    const known = new Set(t.messages.map((m) => m.id));
    const newer = sortBy(
      page.messages.filter((m) => !m.parent_message_id && !known.has(m.id)),
      (m) => m.channel_seq ?? 0,
    );
    const confirmed = t.messages.filter((m) => !m.pending);
    const pending = t.messages.filter((m) => m.pending);
    this.timelines.set(channelId, {
      ...t,
      messages: [...confirmed, ...newer, ...pending],
      hasNewer: page.has_newer,
      newestSeq: page.newest_seq ?? newer.at(-1)?.channel_seq ?? t.newestSeq,
    });
    this.emit();
  }

  replaceThread(page: ThreadPage): void {
    const rootId = page.root.id;
    const prev = this.threads.get(rootId);
    const confirmed = sortBy(page.replies, (m) => m.thread_seq ?? 0);
    const nonces = new Set(confirmed.map((m) => m.nonce).filter(Boolean));
    const pending = (prev?.replies ?? []).filter((m) => m.pending && !nonces.has(m.nonce ?? ""));
    const root = page.thread_state ? { ...page.root, thread_state: page.thread_state } : page.root;
    this.threads.set(rootId, { rootId, root, replies: [...confirmed, ...pending] });
    this.patchMessage(rootId, (m) => mergeMessage(m, root));
    this.emit();
  }

  closeThread(rootId: string): void {
    if (this.threads.delete(rootId)) this.emit();
  }

  /**
   * Starts a resync: forgets every timeline and thread that is not on screen. The caller refetches the
   * visible ones and replaces them; until then they stay as they were, so the screen does not blank out
   * and messages still being sent keep their place.
   */
  forgetExcept(channelIds: readonly string[], rootIds: readonly string[]): void {
    // Deleting the current key while iterating a Map is well-defined in JavaScript.
    for (const id of this.timelines.keys()) if (!channelIds.includes(id)) this.timelines.delete(id);
    for (const id of this.threads.keys()) if (!rootIds.includes(id)) this.threads.delete(id);
    this.emit();
  }

  // ---- optimistic writes -------------------------------------------------------------------------

  /** Shows a message the user just sent, before the server has confirmed it. */
  addPending(message: ViewMessage): void {
    const pending: ViewMessage = { ...message, pending: "sending" };
    if (message.parent_message_id) {
      const th = this.threads.get(message.parent_message_id);
      if (!th) return;
      this.threads.set(th.rootId, { ...th, replies: [...th.replies, pending] });
    } else {
      const t = this.timelines.get(conversationOf(message));
      if (!t) return;
      this.timelines.set(t.channelId, { ...t, messages: [...t.messages, pending] });
    }
    this.emit();
  }

  /**
   * Shows a message from the outbox (after a reload, or when its conversation is opened) unless it is
   * already on screen, pending or confirmed; then sets how it is doing.
   */
  showPending(message: ViewMessage, state: "sending" | "failed"): void {
    const nonce = message.nonce ?? "";
    const list = message.parent_message_id
      ? this.threads.get(message.parent_message_id)?.replies
      : this.timelines.get(conversationOf(message))?.messages;
    const shown = list?.find((m) => m.nonce === nonce);
    if (!shown) this.addPending(message);
    else if (!shown.pending) return;
    if (state === "failed") this.markFailed(nonce);
    else this.markSending(nonce);
  }

  /** A failed message is on its way again. */
  markSending(nonce: string): void {
    this.patchWhere(
      (m) => m.pending === "failed" && m.nonce === nonce,
      (m) => ({ ...m, pending: "sending" }),
    );
  }

  /** Marks a pending message as failed so the user can retry or discard it. */
  markFailed(nonce: string): void {
    this.patchWhere(
      (m) => m.pending !== undefined && m.nonce === nonce,
      (m) => ({ ...m, pending: "failed" }),
    );
  }

  /** Removes a pending message (the user discarded a failed send). */
  discardPending(nonce: string): void {
    let changed = false;
    for (const [id, t] of this.timelines) {
      const messages = t.messages.filter((m) => !(m.pending && m.nonce === nonce));
      if (messages.length !== t.messages.length) {
        this.timelines.set(id, { ...t, messages });
        changed = true;
      }
    }
    for (const [id, th] of this.threads) {
      const replies = th.replies.filter((m) => !(m.pending && m.nonce === nonce));
      if (replies.length !== th.replies.length) {
        this.threads.set(id, { ...th, replies });
        changed = true;
      }
    }
    if (changed) this.emit();
  }

  /** Flips the caller's own reaction at once; the server's answer then sets the real counts. */
  toggleReactionLocally(messageId: string, emoji: string): boolean {
    const m = this.find(messageId);
    const had = m?.reactions?.find((r) => r.emoji === emoji)?.reacted_by_me ?? false;
    this.patchMessage(messageId, (msg) => ({
      ...msg,
      reactions: toggleMine(msg.reactions ?? [], emoji, !had, this.meId),
    }));
    return !had;
  }

  // ---- server data -------------------------------------------------------------------------------

  /** Applies any server copy of a message (HTTP response or event payload): root or reply. */
  upsertMessage(message: Message): void {
    if (message.parent_message_id) this.upsertReply(message);
    else this.upsertRoot(message);
    this.emit();
  }

  /** Applies reaction counts that include reacted_by_me (an HTTP answer to this user's request). */
  setReactions(messageId: string, reactions: readonly Reaction[]): void {
    this.patchMessage(messageId, (m) => ({ ...m, reactions: [...reactions] }));
  }

  setThreadState(state: ThreadState): void {
    this.patchMessage(state.root_message_id, (m) => {
      const prev = m.thread_state;
      // Events arrive in order, but an HTTP answer may be older than an event already applied.
      if (prev && prev.reply_count > state.reply_count) return m;
      return { ...m, thread_state: state };
    });
  }

  /** Applies one durable event from the log. Unknown types are ignored, so new server events are safe. */
  applyEvent(event: ChatEvent): void {
    const p = event.payload as Record<string, unknown>;
    switch (event.type) {
      case "message.created":
      case "message.updated":
      case "message.deleted":
      case "thread.reply_created": {
        const message = p.message as Message | undefined;
        // Direct conversations are timelines too, keyed by their id (lib/conversation.ts).
        if (message) this.upsertMessage(message);
        if (event.channel_id && event.type === "message.created" && typeof event.seq === "number")
          this.bumpLastSeq(event.channel_id, event.seq);
        break;
      }
      case "thread.state_updated": {
        const state = p.thread_state as ThreadState | undefined;
        if (state) this.setThreadState(state);
        break;
      }
      case "reaction.added":
      case "reaction.removed": {
        const messageId = p.message_id as string;
        const change = p.reaction as ReactionChange | undefined;
        if (!change) break;
        const mine = p.user_id === this.meId ? event.type === "reaction.added" : undefined;
        this.patchMessage(messageId, (m) => ({
          ...m,
          reactions: applyChange(m.reactions ?? [], change, mine),
        }));
        break;
      }
      case "channel.created":
      case "channel.updated": {
        const channel = p.channel as Channel | undefined;
        const changed = applyMembership(
          channel && this.channelMap.get(channel.id),
          event,
          this.meId,
        );
        if (channel && changed === null) this.removeChannel(channel.id);
        else if (channel && !this.channelMap.has(channel.id))
          // Events are not per user: a channel new to me (just made, or a private one made public) is not
          // one I am in; its member_joined events say who is. The count is refetched with the list.
          this.upsertChannel({
            ...channel,
            is_member: false,
            member_count: event.type === "channel.created" ? 0 : undefined,
          });
        else if (channel) this.upsertChannel(channel);
        break;
      }
      case "channel.member_joined":
      case "channel.member_left": {
        const id = event.channel_id;
        const changed = id ? applyMembership(this.channelMap.get(id), event, this.meId) : undefined;
        if (id && changed === null) this.removeChannel(id);
        else if (changed) this.upsertChannel(changed);
        break;
      }
    }
  }

  // ---- internals ---------------------------------------------------------------------------------

  private upsertRoot(message: Message): void {
    const t = this.timelines.get(conversationOf(message));
    if (t) {
      const messages = upsertSorted(
        t.messages,
        message,
        (m) => m.channel_seq ?? 0,
        t.hasOlder ? t.oldestSeq : null,
        t.hasNewer ? t.newestSeq : null,
      );
      if (messages !== t.messages) this.timelines.set(t.channelId, { ...t, messages });
    }
    const th = this.threads.get(message.id);
    if (th) this.threads.set(th.rootId, { ...th, root: mergeMessage(th.root, message) });
    if (typeof message.channel_seq === "number" && message.channel_id)
      this.bumpLastSeq(message.channel_id, message.channel_seq);
  }

  private upsertReply(message: Message): void {
    const th = this.threads.get(message.parent_message_id ?? "");
    if (!th) return;
    const replies = upsertSorted(th.replies, message, (m) => m.thread_seq ?? 0, null);
    if (replies !== th.replies) this.threads.set(th.rootId, { ...th, replies });
  }

  private bumpLastSeq(channelId: string, seq: number): void {
    const c = this.channelMap.get(channelId);
    if (c && (c.last_seq ?? 0) < seq) this.channelMap.set(channelId, { ...c, last_seq: seq });
  }

  private patchMessage(messageId: string, fn: (m: ViewMessage) => ViewMessage): void {
    this.patchWhere((m) => m.id === messageId, fn);
  }

  private patchWhere(
    match: (m: ViewMessage) => boolean,
    fn: (m: ViewMessage) => ViewMessage,
  ): void {
    let changed = false;
    const patch = (list: readonly ViewMessage[]): readonly ViewMessage[] => {
      const i = list.findIndex(match);
      if (i < 0) return list;
      changed = true;
      const copy = list.slice();
      copy[i] = fn(list[i]!);
      return copy;
    };
    for (const [id, t] of this.timelines) {
      const messages = patch(t.messages);
      if (messages !== t.messages) this.timelines.set(id, { ...t, messages });
    }
    for (const [id, th] of this.threads) {
      const root = match(th.root) ? fn(th.root) : th.root;
      const replies = patch(th.replies);
      if (root !== th.root) changed = true;
      if (root !== th.root || replies !== th.replies)
        this.threads.set(id, { ...th, root, replies });
    }
    if (changed) this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

// ---- pure helpers (exported for tests) -------------------------------------------------------------

/**
 * Inserts or merges a confirmed message into a list of confirmed-then-pending messages.
 * A pending message with the same nonce is replaced in place of its slot, so the row keeps its key.
 * Messages older than `floorSeq` belong to history that is not loaded yet and are skipped, and so are
 * messages newer than `ceilSeq` while newer history is not loaded (after a jump): they arrive with it.
 */
export function upsertSorted(
  list: readonly ViewMessage[],
  message: Message,
  seqOf: (m: Message) => number,
  floorSeq: number | null,
  ceilSeq: number | null = null,
): readonly ViewMessage[] {
  const byId = list.findIndex((m) => m.id === message.id && !m.pending);
  if (byId >= 0) {
    const merged = mergeMessage(list[byId]!, message);
    if (merged === list[byId]) return list;
    const copy = list.slice();
    copy[byId] = merged;
    return copy;
  }
  const seq = seqOf(message);
  if (floorSeq !== null && seq < floorSeq) return list;
  if (ceilSeq !== null && seq > ceilSeq) return list;
  const rest = message.nonce
    ? list.filter((m) => !(m.pending && m.nonce === message.nonce))
    : list.slice();
  // Pending messages sit after every confirmed one; find the slot among confirmed messages by seq.
  let i = rest.findIndex((m) => m.pending !== undefined);
  if (i < 0) i = rest.length;
  while (i > 0 && seqOf(rest[i - 1]!) > seq) i--;
  const copy = rest.slice();
  copy.splice(i, 0, message);
  return copy;
}

/** Merges a newer server copy into what is shown; stale copies and un-deletes are ignored. */
export function mergeMessage(prev: ViewMessage, next: Message): ViewMessage {
  if (prev.deleted_at && !next.deleted_at) return prev;
  if (prev.edited_at && next.edited_at && next.edited_at < prev.edited_at) return prev;
  if (prev.edited_at && !next.edited_at && !next.deleted_at && !prev.pending) return prev;
  const prevState = prev.thread_state;
  const nextState = next.thread_state;
  const thread_state =
    nextState && (!prevState || nextState.reply_count >= prevState.reply_count)
      ? nextState
      : prevState;
  // Reactions only change through reaction events and answers: a message copy carries reacted_by_me
  // from the point of view of whoever caused the event, so it must not overwrite ours.
  const reactions = prev.pending ? next.reactions : (prev.reactions ?? next.reactions);
  const merged: ViewMessage = { ...prev, ...next, thread_state, reactions };
  delete merged.pending;
  if (!prev.pending && sameMessage(prev, merged)) return prev;
  return merged;
}

function sameMessage(a: ViewMessage, b: ViewMessage): boolean {
  return (
    a.body === b.body &&
    a.edited_at === b.edited_at &&
    a.deleted_at === b.deleted_at &&
    a.thread_state === b.thread_state &&
    a.reactions === b.reactions &&
    a.channel_seq === b.channel_seq &&
    a.author === b.author &&
    sameAttachments(a.attachments, b.attachments)
  );
}

// A file attached later (`POST /api/messages/{id}/attachments`) changes nothing else about the message.
function sameAttachments(a: Message["attachments"], b: Message["attachments"]): boolean {
  if (a === b) return true;
  if ((a?.length ?? 0) !== (b?.length ?? 0)) return false;
  return (a ?? []).every((u, i) => u.id === b?.[i]?.id);
}

/**
 * Applies one emoji's new summary from a reaction event (which lacks reacted_by_me) while keeping what we
 * know about our own; the other emoji of the message are unchanged, and a new emoji goes last (the
 * server orders emoji by first use).
 */
export function applyChange(
  prev: readonly Reaction[],
  change: ReactionChange,
  mine: boolean | undefined,
): Reaction[] {
  const existing = prev.find((r) => r.emoji === change.emoji);
  if (change.count <= 0) return prev.filter((r) => r.emoji !== change.emoji);
  const next: Reaction = {
    emoji: change.emoji,
    count: change.count,
    reacted_by: change.reacted_by,
    reacted_by_me: mine ?? existing?.reacted_by_me ?? false,
  };
  return existing ? prev.map((r) => (r.emoji === change.emoji ? next : r)) : [...prev, next];
}

function toggleMine(
  prev: readonly Reaction[],
  emoji: string,
  on: boolean,
  meId: string,
): Reaction[] {
  const existing = prev.find((r) => r.emoji === emoji);
  if (!existing)
    return on
      ? [
          ...prev,
          { emoji, count: 1, reacted_by_me: true, reacted_by: [{ id: meId, display_name: "You" }] },
        ]
      : [...prev];
  return prev
    .map((r) =>
      r.emoji === emoji
        ? {
            ...r,
            count: r.count + (on ? 1 : -1),
            reacted_by_me: on,
            // Who reacted changes with us at once; the server's answer (and event) confirms it.
            reacted_by: [...(toggleReactor(r.reacted_by, meId, on) ?? r.reacted_by)],
          }
        : r,
    )
    .filter((r) => r.count > 0);
}

function sortBy<T>(list: readonly T[], key: (x: T) => number): T[] {
  return list.toSorted((a, b) => key(a) - key(b));
}
