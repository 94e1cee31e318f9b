// Sending messages and thread replies: shown at once, confirmed in place, kept in the local outbox
// until the server has them, and sent again under the same nonce when the connection is back.
//
// The projection shows each outbox entry as a local row (`pending: "sending"` or `"failed"`, keyed by
// its nonce); the server's copy replaces that row in place when the HTTP answer or the realtime event
// arrives, whichever is first. After a reload the rows come back from the outbox as the user opens
// the channel or thread they belong to.
//
// A resend can be confirmed before its conversation has loaded (right after a reload), and the page
// being loaded may have been read before the message was stored. Such confirmations are kept and
// applied when the conversation opens, so the message cannot fall between the two.

import { api } from "./api";
import { conversationOf, placeIn } from "./conversation";
import { browserStorage, type KeyValueStore } from "./persisted";
import { deliveryAfter, Outbox, type Delivery, type OutboxEntry } from "./outbox";
import type { Projection, ViewMessage } from "./projection";
import type { Message, Upload, User } from "./types";

export function newNonce(): string {
  // crypto.randomUUID needs a secure context; getRandomValues works on plain-http LAN installs too.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export class MessageSender {
  readonly outbox: Outbox;
  /** Confirmed while their channel or thread was not loaded; applied when it opens. */
  #unseen: Message[] = [];

  constructor(
    private readonly proj: Projection,
    private readonly workspaceId: string,
    private readonly me: User,
    /** Called with the channel of every message the server confirmed (it counts as read). */
    private readonly onSent: (channelId: string) => void,
    storage: KeyValueStore | null = browserStorage(),
  ) {
    this.outbox = new Outbox(me.id, workspaceId, storage, (e) => this.#deliver(e));
  }

  /**
   * Posts a root message (or, with `rootId`, a thread reply) under a fresh nonce, with the files
   * already uploaded for it: they are attached in the same write as the message.
   */
  async send(
    channelId: string,
    body: string,
    rootId: string | null = null,
    attachments: Upload[] = [],
  ): Promise<void> {
    const entry = {
      nonce: newNonce(),
      channelId,
      rootId,
      body,
      ...(attachments.length ? { attachments } : {}),
      createdAt: new Date().toISOString(),
    };
    this.proj.addPending(this.#row(entry));
    await this.outbox.send(entry);
  }

  /** Sends a failed message again under its original nonce, so the server never stores it twice. */
  async retry(m: ViewMessage): Promise<void> {
    if (!m.nonce) return;
    if ((await this.outbox.retry(m.nonce)) !== undefined) return;
    // Not in the outbox (another tab discarded it, or storage was cleared): keep it again and send.
    if (!this.outbox.isSending(m.nonce))
      await this.outbox.send({
        nonce: m.nonce,
        channelId: conversationOf(m),
        rootId: m.parent_message_id ?? null,
        body: m.body,
        ...(m.attachments?.length ? { attachments: m.attachments } : {}),
        createdAt: m.created_at,
      });
  }

  discard(m: ViewMessage): void {
    if (!m.nonce) return;
    this.outbox.discard(m.nonce);
    this.proj.discardPending(m.nonce);
  }

  /** Shows the channel's unsent messages (after a reload, or when the channel is opened again). */
  restoreChannel(channelId: string): void {
    this.#applyUnseen((m) => conversationOf(m) === channelId && !m.parent_message_id);
    for (const e of this.outbox.inChannel(channelId)) this.#restore(e);
  }

  restoreThread(rootId: string): void {
    this.#applyUnseen((m) => m.parent_message_id === rootId);
    for (const e of this.outbox.inThread(rootId)) this.#restore(e);
  }

  /** Sends every queued message again; call when the connection is back. */
  flush(): Promise<void> {
    return this.outbox.flush();
  }

  #applyUnseen(match: (m: Message) => boolean): void {
    const now = this.#unseen.filter(match);
    if (!now.length) return;
    this.#unseen = this.#unseen.filter((m) => !match(m));
    for (const m of now) this.proj.upsertMessage(m);
  }

  #confirmed(m: Message): void {
    this.proj.upsertMessage(m);
    const loaded = m.parent_message_id
      ? this.proj.thread(m.parent_message_id)
      : this.proj.timeline(conversationOf(m));
    if (!loaded) this.#unseen.push(m);
  }

  #restore(e: OutboxEntry): void {
    this.proj.showPending(this.#row(e), this.outbox.isSending(e.nonce) ? "sending" : "failed");
  }

  async #deliver(e: OutboxEntry): Promise<Delivery> {
    this.proj.markSending(e.nonce);
    try {
      const uploadIds = (e.attachments ?? []).map((u) => u.id);
      if (e.rootId) {
        const r = await api.reply(e.rootId, e.body, e.nonce, uploadIds);
        this.#confirmed(r.message);
        if (r.thread_state) this.proj.setThreadState(r.thread_state);
      } else {
        this.#confirmed(await api.send(e.channelId, e.body, e.nonce, uploadIds));
      }
      this.onSent(e.channelId);
      return "sent";
    } catch (err) {
      this.proj.markFailed(e.nonce);
      return deliveryAfter((err as { status?: number }).status ?? 0);
    }
  }

  /** The local row that stands for an unconfirmed message until the server's copy replaces it. */
  #row(
    e: Pick<OutboxEntry, "nonce" | "channelId" | "rootId" | "body" | "attachments" | "createdAt">,
  ): ViewMessage {
    return {
      id: `local_${e.nonce}`,
      workspace_id: this.workspaceId,
      ...placeIn(e.channelId),
      author_id: this.me.id,
      author: this.me,
      ...(e.rootId ? { parent_message_id: e.rootId } : {}),
      thread_root_id: e.rootId ?? `local_${e.nonce}`,
      body: e.body,
      // The uploader may already read its own unattached files, so the previews show while it sends.
      ...(e.attachments?.length ? { attachments: e.attachments } : {}),
      body_format: "markdown",
      nonce: e.nonce,
      created_at: e.createdAt,
      reactions: [],
      // the server decides who a message mentions; its copy replaces this row
      mentioned_user_ids: [],
      mentions_channel: false,
    };
  }
}
