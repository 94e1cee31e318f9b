// Direct conversations.
import type { Transport } from "../http.ts";
import { messagePageQuery, type MessagePageOptions } from "../queries.ts";
import type { SendMessageInput } from "../types.ts";

export function dmsApi(http: Transport) {
  return {
    /** The caller's direct conversations in a workspace, hidden ones left out. */
    list: async (workspaceId: string) =>
      (await http.request("get", "/api/dms", { query: { workspace_id: workspaceId } }))
        .conversations,
    /**
     * Opens the conversation with `memberIds` (the caller is added): the same people always get the
     * same conversation, so calling it twice is safe.
     */
    create: async (workspaceId: string, memberIds: string[]) =>
      (
        await http.request("post", "/api/dms", {
          body: { workspace_id: workspaceId, member_ids: memberIds },
        })
      ).conversation,
    get: async (dmId: string) =>
      (await http.request("get", "/api/dms/{dm_id}", { params: { dm_id: dmId } })).conversation,
    /** Hides the conversation for the caller only; a new message in it shows it again. */
    hide: async (dmId: string) =>
      (await http.request("delete", "/api/dms/{dm_id}", { params: { dm_id: dmId } })).ok,
    /** Shows a hidden conversation again for the caller. */
    open: async (dmId: string) =>
      (await http.request("post", "/api/dms/{dm_id}/open", { params: { dm_id: dmId } }))
        .conversation,
    /** A page of the conversation, paged like a channel timeline. */
    messages: (dmId: string, options?: MessagePageOptions) =>
      http.request("get", "/api/dms/{dm_id}/messages", {
        params: { dm_id: dmId },
        query: messagePageQuery(options),
      }),
    /** Posts a message. Reusing a `nonce` on retry never duplicates the message. */
    sendMessage: (dmId: string, input: SendMessageInput) =>
      http.request("post", "/api/dms/{dm_id}/messages", {
        params: { dm_id: dmId },
        body: input,
      }),
    /** Moves the caller's read pointer forward (never back); their other sessions get `dm.read`. */
    markRead: async (dmId: string, seq: number) =>
      (
        await http.request("post", "/api/dms/{dm_id}/read", {
          params: { dm_id: dmId },
          body: { seq },
        })
      ).receipt,
  };
}
