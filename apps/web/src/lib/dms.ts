// The sidebar's direct conversations as plain, copy-on-write functions: who is in one, what it is
// called, and how its unread and mention badges follow live messages and read pointers. The store
// (dms.svelte.ts) holds the list and talks to the server; everything it decides is here, unit-tested.
//
// Counting follows the server's rules (reads/ReadStore): unread are root messages after my pointer
// written by someone else; mentions are messages (roots and thread replies) that mention me.

import type { ClickClackClient } from "@clickclack/sdk";
import { mentionsMe } from "./mentions";
import type { Message, User } from "./types";

/** Read state the server adds to conversations; optional so an older server's answer still works. */
interface ReadFields {
  last_read_seq?: number;
  unread_count?: number;
  mention_count?: number;
}

export type DirectConversation = Awaited<ReturnType<ClickClackClient["dms"]["get"]>> & ReadFields;

/** A conversation holds up to eight people, the caller included. */
export const MAX_OTHERS = 7;

/** The people in a conversation other than me (their live profiles when `live` knows them). */
export function others(
  c: DirectConversation,
  meId: string,
  live: (id: string) => User | undefined = () => undefined,
): User[] {
  return c.members.filter((u) => u.id !== meId).map((u) => live(u.id) ?? u);
}

/** "Ari", or for a group "Ari, Bo, Cy"; their names as they read now. */
export function dmTitle(
  c: DirectConversation,
  meId: string,
  live?: (id: string) => User | undefined,
): string {
  const names = others(c, meId, live).map((u) => u.display_name.trim() || `@${u.handle}`);
  return names.length ? names.join(", ") : "Just you";
}

export function isGroup(c: DirectConversation): boolean {
  return c.members.length > 2;
}

export function unreadOf(c: DirectConversation): number {
  return c.unread_count ?? 0;
}

export function mentionsOf(c: DirectConversation): number {
  return c.mention_count ?? 0;
}

/** The 1:1 conversation with this person, if it is in the list. */
export function withPerson(
  list: readonly DirectConversation[],
  meId: string,
  userId: string,
): DirectConversation | undefined {
  return list.find(
    (c) => c.members.length === 2 && c.members.some((u) => u.id === userId) && userId !== meId,
  );
}

/** Adds a conversation (new ones go first) or refreshes the one with its id in place. */
export function upsert(
  list: readonly DirectConversation[],
  c: DirectConversation,
): DirectConversation[] {
  const at = list.findIndex((x) => x.id === c.id);
  if (at < 0) return [c, ...list];
  const next = [...list];
  next[at] = { ...list[at]!, ...c };
  return next;
}

export interface MessageOutcome {
  list: DirectConversation[];
  /** The message's conversation is not in the list (hidden, or its `dm.created` came first elsewhere). */
  missing?: string;
  /** I am reading the conversation: move my pointer to this sequence. */
  read?: { dmId: string; seq: number };
}

/**
 * Applies a new DM message (root or thread reply) to the list. `reading` says whether I am looking at the
 * newest end of that conversation now, in which case it counts as read instead of unread.
 */
export function onNewMessage(
  list: readonly DirectConversation[],
  m: Message,
  meId: string,
  reading: (dmId: string) => boolean,
): MessageOutcome {
  const dmId = m.direct_conversation_id;
  if (!dmId) return { list: [...list] };
  const at = list.findIndex((c) => c.id === dmId);
  if (at < 0) return { list: [...list], missing: dmId };
  const c = list[at]!;
  const root = !m.parent_message_id;
  const seq = root ? (m.channel_seq ?? 0) : 0;
  const lastSeq = Math.max(c.last_seq, seq);
  const news = m.author_id !== meId && !m.deleted_at;
  let next: DirectConversation = { ...c, last_seq: lastSeq };
  let read: MessageOutcome["read"];
  if (news && reading(dmId)) {
    next = { ...next, unread_count: 0, mention_count: 0, last_read_seq: lastSeq };
    read = { dmId, seq: lastSeq };
  } else if (news) {
    next = {
      ...next,
      unread_count: unreadOf(c) + (root ? 1 : 0),
      mention_count: mentionsOf(c) + (mentionsMe(m, meId) ? 1 : 0),
    };
  }
  const out = [...list];
  out[at] = next;
  return { list: out, read };
}

/** Everything up to the newest message is read (here, or `dm.read` from another tab caught up). */
export function markedRead(
  list: readonly DirectConversation[],
  dmId: string,
  seq?: number,
): DirectConversation[] {
  return list.map((c) =>
    c.id === dmId
      ? {
          ...c,
          last_read_seq: Math.max(c.last_read_seq ?? 0, seq ?? c.last_seq),
          unread_count: 0,
          mention_count: 0,
        }
      : c,
  );
}

/**
 * Whether marking read has anything to clear. My own messages never count, so a pointer that trails
 * only them is left alone: no request per message sent.
 */
export function needsRead(c: DirectConversation): boolean {
  return unreadOf(c) > 0 || mentionsOf(c) > 0;
}

/**
 * Another session of mine moved the pointer (`dm.read`). Caught up: the badges clear. Only part way: the
 * counts cannot be worked out locally, so the caller fetches the conversation again (`stale`).
 */
export function onRead(
  list: readonly DirectConversation[],
  dmId: string,
  lastReadSeq: number,
): { list: DirectConversation[]; stale: boolean } {
  const c = list.find((x) => x.id === dmId);
  if (!c) return { list: [...list], stale: false };
  if (lastReadSeq >= c.last_seq) return { list: markedRead(list, dmId, lastReadSeq), stale: false };
  return { list: [...list], stale: (c.last_read_seq ?? 0) < lastReadSeq };
}
