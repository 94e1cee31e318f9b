// Half-typed messages, kept per conversation (a channel's composer, or one thread's reply box) so
// switching away and back, or reloading, brings back what the user was writing. Kept in
// localStorage under one key per signed-in user and workspace; a send clears the conversation's draft.

import { readJson, writeJson, type KeyValueStore } from "./persisted";

/** Where a composer posts: a channel's timeline, or the thread under `rootId`. */
export interface Conversation {
  channelId: string;
  rootId: string | null;
}

interface Draft extends Conversation {
  text: string;
  updatedAt: string;
}

export function draftsKey(userId: string, workspaceId: string): string {
  return `clickclack.drafts.${userId}.${workspaceId}`;
}

function idOf(c: Conversation): string {
  return c.rootId ? `${c.channelId}/${c.rootId}` : c.channelId;
}

export class Drafts {
  readonly #key: string;
  readonly #store: KeyValueStore | null;
  #drafts: Map<string, Draft>;

  constructor(userId: string, workspaceId: string, store: KeyValueStore | null) {
    this.#key = draftsKey(userId, workspaceId);
    this.#store = store;
    this.#drafts = load(readJson(store, this.#key));
  }

  /** The draft of a conversation, exactly as typed; "" when there is none. */
  get(c: Conversation): string {
    return this.#drafts.get(idOf(c))?.text ?? "";
  }

  /**
   * Remembers what is in a composer now. Text that is only whitespace is no draft, so clearing the
   * box (or sending) removes it. Answers whether anything changed.
   */
  set(c: Conversation, text: string, now = new Date()): boolean {
    const id = idOf(c);
    const had = this.#drafts.get(id);
    if (text.trim() === "") {
      if (!had) return false;
      this.#drafts.delete(id);
    } else {
      if (had?.text === text) return false;
      this.#drafts.set(id, { ...c, text, updatedAt: now.toISOString() });
    }
    this.#save();
    return true;
  }

  clear(c: Conversation): boolean {
    return this.set(c, "");
  }

  /** Channels with a draft in their composer or in one of their threads (the sidebar's pencil). */
  channels(): Set<string> {
    return new Set(Array.from(this.#drafts.values(), (d) => d.channelId));
  }

  #save(): void {
    writeJson(
      this.#store,
      this.#key,
      this.#drafts.size ? Object.fromEntries(this.#drafts) : undefined,
    );
  }
}

function load(raw: unknown): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  if (typeof raw !== "object" || raw === null) return drafts;
  for (const d of Object.values(raw as Record<string, unknown>)) {
    if (typeof d !== "object" || d === null) continue;
    const { channelId, rootId, text, updatedAt } = d as Record<string, unknown>;
    if (typeof channelId !== "string" || typeof text !== "string" || text.trim() === "") continue;
    if (rootId !== null && typeof rootId !== "string") continue;
    const c = { channelId, rootId };
    drafts.set(idOf(c), {
      ...c,
      text,
      updatedAt: typeof updatedAt === "string" ? updatedAt : new Date(0).toISOString(),
    });
  }
  return drafts;
}
