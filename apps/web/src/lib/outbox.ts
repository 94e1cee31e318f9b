// The local outbox: messages the user wrote that the server has not confirmed yet.
//
// A message goes into the outbox *before* its request leaves, and out of it only when the server has
// answered with the stored message. So a send that fails (server down, network gone), a reload or a
// closed tab in the middle of a request never loses what the user typed: the entry is still here and
// is sent again, always under its original nonce. The server answers a nonce it has already stored
// with that original message (200), so a resend whose first attempt did arrive posts nothing twice.
//
// Entries live in localStorage, one key per signed-in user and workspace, so they survive reloads and
// are never sent as somebody else who signs in on the same browser. Two tabs may both resend an
// entry; the nonce makes that harmless too.

import { MemoryStore, readJson, writeJson, type KeyValueStore } from "./persisted";
import type { Upload } from "./types";

export interface OutboxEntry {
  nonce: string;
  /** The channel's id, or the direct conversation's (lib/conversation.ts). */
  channelId: string;
  /** The thread's root message for a reply; null for a message in the channel timeline. */
  rootId: string | null;
  body: string;
  /** Files uploaded for this message (their ids go in `upload_ids`); absent in entries from before uploads. */
  attachments?: Upload[];
  createdAt: string;
  /**
   * `queued`: not confirmed; sent again automatically when the connection is back.
   * `rejected`: the server refused it (a 4xx, e.g. the channel was archived); it waits for the user
   * to retry or discard it, since sending it again unchanged would only be refused again.
   */
  state: "queued" | "rejected";
}

/** How one delivery attempt ended. `offline`: no answer, or one that says "try later" (5xx, 429). */
export type Delivery = "sent" | "offline" | "rejected";

/** Sends one entry to the server under its nonce and says how it went. */
export type Deliver = (entry: OutboxEntry) => Promise<Delivery>;

/**
 * What a failed request's HTTP status means for a message (0: no answer at all). Only an answer that
 * says the message itself is wrong (a 4xx) stops the automatic resend. 401 is not one: the message is
 * fine and goes out once this user signs in again (the outbox is kept per user).
 */
export function deliveryAfter(status: number): Exclude<Delivery, "sent"> {
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500)
    return "offline";
  return "rejected";
}

export function outboxKey(userId: string, workspaceId: string): string {
  return `clickclack.outbox.${userId}.${workspaceId}`;
}

export class Outbox {
  readonly #key: string;
  readonly #store: KeyValueStore;
  readonly #deliver: Deliver;
  /** Nonces with a request in flight in this tab: never sent twice at once from here. */
  readonly #sending = new Set<string>();
  #flushing: Promise<void> | null = null;
  #flushAgain = false;

  constructor(userId: string, workspaceId: string, store: KeyValueStore | null, deliver: Deliver) {
    this.#key = outboxKey(userId, workspaceId);
    this.#store = store ?? new MemoryStore();
    this.#deliver = deliver;
  }

  /** Every entry, oldest first. Read from storage each time, so another tab's changes show. */
  entries(): OutboxEntry[] {
    const raw = readJson(this.#store, this.#key);
    return Array.isArray(raw) ? raw.filter(isEntry) : [];
  }

  /** Unsent messages of a channel's timeline (not its thread replies), oldest first. */
  inChannel(channelId: string): OutboxEntry[] {
    return this.entries().filter((e) => e.channelId === channelId && e.rootId === null);
  }

  /** Unsent replies in one thread, oldest first. */
  inThread(rootId: string): OutboxEntry[] {
    return this.entries().filter((e) => e.rootId === rootId);
  }

  isSending(nonce: string): boolean {
    return this.#sending.has(nonce);
  }

  /** Keeps a new message, then sends it. Older queued messages go first if a resend is running. */
  async send(entry: Omit<OutboxEntry, "state">): Promise<Delivery> {
    const queued: OutboxEntry = { ...entry, state: "queued" };
    this.#put(queued);
    // Held back from a resend pass that is running, which this one then waits for.
    this.#sending.add(queued.nonce);
    if (this.#flushing) await this.#flushing;
    const result = await this.#attempt(queued);
    // The server just answered: whatever else is waiting can go now.
    if (result === "sent" && this.entries().some((e) => e.state === "queued")) void this.flush();
    return result;
  }

  /** The user asked to send a kept message again (same nonce). */
  async retry(nonce: string): Promise<Delivery | undefined> {
    const entry = this.entries().find((e) => e.nonce === nonce);
    if (!entry || this.#sending.has(nonce)) return undefined;
    return this.#attempt({ ...entry, state: "queued" });
  }

  /** Forgets a message the user chose not to send. */
  discard(nonce: string): void {
    this.#write(this.entries().filter((e) => e.nonce !== nonce));
  }

  /**
   * Sends every queued entry again, oldest first and one at a time, so they arrive in the order they
   * were written. Stops at the first one that finds the server still away; the next call (the
   * connection came back) starts over. A call while a pass runs makes that pass go round once more.
   */
  flush(): Promise<void> {
    if (this.#flushing) {
      this.#flushAgain = true;
      return this.#flushing;
    }
    this.#flushing = this.#flushPasses().finally(() => (this.#flushing = null));
    return this.#flushing;
  }

  async #flushPasses(): Promise<void> {
    do {
      this.#flushAgain = false;
      for (const entry of this.entries()) {
        if (entry.state !== "queued" || this.#sending.has(entry.nonce)) continue;
        if ((await this.#attempt(entry)) === "offline") break;
      }
    } while (this.#flushAgain);
  }

  async #attempt(entry: OutboxEntry): Promise<Delivery> {
    this.#sending.add(entry.nonce);
    let result: Delivery;
    try {
      result = await this.#deliver(entry);
    } catch {
      result = "offline";
    } finally {
      this.#sending.delete(entry.nonce);
    }
    const rest = this.entries();
    const kept = rest.some((e) => e.nonce === entry.nonce);
    if (result === "sent") {
      if (kept) this.#write(rest.filter((e) => e.nonce !== entry.nonce));
    } else if (kept) {
      // Discarded while in flight stays discarded; otherwise remember how it went.
      const state = result === "rejected" ? "rejected" : "queued";
      this.#write(rest.map((e) => (e.nonce === entry.nonce ? { ...e, state } : e)));
    }
    return result;
  }

  #put(entry: OutboxEntry): void {
    const rest = this.entries().filter((e) => e.nonce !== entry.nonce);
    this.#write([...rest, entry]);
  }

  #write(entries: OutboxEntry[]): void {
    writeJson(this.#store, this.#key, entries.length ? entries : undefined);
  }
}

function isEntry(x: unknown): x is OutboxEntry {
  if (typeof x !== "object" || x === null) return false;
  const e = x as Record<string, unknown>;
  return (
    typeof e.nonce === "string" &&
    typeof e.channelId === "string" &&
    (e.rootId === null || typeof e.rootId === "string") &&
    typeof e.body === "string" &&
    typeof e.createdAt === "string" &&
    (e.state === "queued" || e.state === "rejected")
  );
}
