// One message, its thread, its reactions, and search across messages.
import type { Transport } from "../http.ts";
import { searchQuery, type SearchOptions } from "../queries.ts";
import type { SendMessageInput } from "../types.ts";

export function messagesApi(http: Transport) {
  return {
    get: async (messageId: string) =>
      (
        await http.request("get", "/api/messages/{message_id}", {
          params: { message_id: messageId },
        })
      ).message,
    edit: (messageId: string, body: string) =>
      http.request("patch", "/api/messages/{message_id}", {
        params: { message_id: messageId },
        body: { body },
      }),
    delete: (messageId: string) =>
      http.request("delete", "/api/messages/{message_id}", {
        params: { message_id: messageId },
      }),
  };
}

export function threadsApi(http: Transport) {
  return {
    /** The root, its first `limit` replies (default: up to 1,000) and the thread state. */
    get: (rootId: string, options: { limit?: number } = {}) =>
      http.request("get", "/api/messages/{message_id}/thread", {
        params: { message_id: rootId },
        query: options.limit === undefined ? undefined : { limit: options.limit },
      }),
    reply: (rootId: string, input: SendMessageInput) =>
      http.request("post", "/api/messages/{message_id}/thread/replies", {
        params: { message_id: rootId },
        body: input,
      }),
  };
}

export function reactionsApi(http: Transport) {
  return {
    /** `event` is null when the caller had already reacted with this emoji. */
    add: (messageId: string, emoji: string) =>
      http.request("post", "/api/messages/{message_id}/reactions", {
        params: { message_id: messageId },
        body: { emoji },
      }),
    /** `event` is absent when there was no such reaction. */
    remove: (messageId: string, emoji: string) =>
      http.request("delete", "/api/messages/{message_id}/reactions/{emoji}", {
        params: { message_id: messageId, emoji },
      }),
  };
}

/**
 * Messages the caller may read that match `q`: `{results: [{message, rank, snippet}], next_cursor?}`.
 * `snippet` is HTML-escaped text whose only markup is `<mark>` around the matches.
 */
export function searchApi(http: Transport) {
  return (options: SearchOptions) =>
    http.request("get", "/api/search", { query: searchQuery(options) });
}
