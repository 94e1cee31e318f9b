// Options and query builders shared by the REST modules: camelCase options in, the contract's
// snake_case query out.
import type { EphemeralEventType, SearchSort } from "./types.ts";

export interface MessagePageOptions {
  afterSeq?: number;
  beforeSeq?: number;
  aroundSeq?: number;
  /** 1–200, server default 100. */
  limit?: number;
}

export interface EventListOptions {
  workspaceId: string;
  afterCursor?: string;
  /** 1–1000, server default 500. */
  limit?: number;
  /** Also answer `tail_cursor`, the newest cursor right now. */
  includeTail?: boolean;
}

export interface SearchOptions {
  workspaceId: string;
  /** The query: words, `"phrases"`, `prefix*`, `from:@handle`, `in:#channel`, `before:`/`after:YYYY-MM-DD`, `has:link`, `has:file`, `is:thread`. */
  q: string;
  /** Only this channel of the workspace. */
  channelId?: string;
  /** `relevance` (default) or `recent` (newest first; `newest` is the same). */
  sort?: SearchSort;
  /** 1–100, server default 50. */
  limit?: number;
  /** `next_cursor` of the previous page (same `q` and `sort`). */
  cursor?: string;
}

/** The query for `GET /api/search`. */
export function searchQuery(options: SearchOptions) {
  return {
    workspace_id: options.workspaceId,
    q: options.q,
    channel_id: options.channelId,
    sort: options.sort,
    limit: options.limit,
    cursor: options.cursor,
  };
}

export interface EphemeralOptions {
  workspaceId: string;
  /** Where someone is typing: a channel or (instead) a direct conversation, whose members alone get it. */
  channelId?: string;
  directConversationId?: string;
  /** What a client may publish (`command.ephemeral` is the server's own). */
  type: Exclude<EphemeralEventType, "command.ephemeral">;
  payload?: Record<string, unknown>;
}

/**
 * The `after_seq`/`before_seq`/`around_seq` query for a timeline page. They are mutually
 * exclusive; failing here gives a clearer stack than the server's 400. No anchor = newest page.
 */
export function messagePageQuery(options: MessagePageOptions = {}) {
  const anchors = [options.afterSeq, options.beforeSeq, options.aroundSeq].filter(
    (value) => value !== undefined,
  );
  if (anchors.length > 1) {
    throw new TypeError("afterSeq, beforeSeq and aroundSeq are mutually exclusive");
  }
  return {
    after_seq: options.afterSeq,
    before_seq: options.beforeSeq,
    around_seq: options.aroundSeq,
    mode: anchors.length === 0 ? ("latest" as const) : undefined,
    limit: options.limit,
  };
}

/** The query for `GET /api/realtime/events`. */
export function eventListQuery(options: EventListOptions) {
  return {
    workspace_id: options.workspaceId,
    after_cursor: options.afterCursor,
    limit: options.limit,
    include_tail: options.includeTail ? true : undefined,
  };
}
