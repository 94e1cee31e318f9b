// Workspaces, their members and presence.
import type { Transport } from "../http.ts";
import type { CreateWorkspaceInput, Role } from "../types.ts";

export function workspacesApi(http: Transport) {
  return {
    list: async () => (await http.request("get", "/api/workspaces")).workspaces,
    /** Creates the workspace and its `#general` channel. */
    create: (input: CreateWorkspaceInput) =>
      http.request("post", "/api/workspaces", { body: input }),
    get: async (workspaceId: string) =>
      (
        await http.request("get", "/api/workspaces/{workspace_id}", {
          params: { workspace_id: workspaceId },
        })
      ).workspace,
    members: async (workspaceId: string) =>
      (
        await http.request("get", "/api/workspaces/{workspace_id}/members", {
          params: { workspace_id: workspaceId },
        })
      ).members,
    /**
     * Members by display name, filtered by `q` (name or handle) and `role`; with `limit` or `cursor` one page,
     * and `next_cursor` while `has_more`.
     */
    memberPage: (
      workspaceId: string,
      options: { limit?: number; cursor?: string; q?: string; role?: Role } = {},
    ) =>
      http.request("get", "/api/workspaces/{workspace_id}/members", {
        params: { workspace_id: workspaceId },
        query: options,
      }),
    /**
     * Renames the workspace, changes its slug or its icon (one emoji or one or two letters; `""` removes it);
     * owners and moderators.
     */
    update: (workspaceId: string, patch: { name?: string; slug?: string; icon?: string }) =>
      http.request("patch", "/api/workspaces/{workspace_id}", {
        params: { workspace_id: workspaceId },
        body: patch,
      }),
    /**
     * Deletes the workspace and everything in it (the owner only); `confirm` must be its slug. Its open
     * sockets close with 4002 (`CLOSE_WORKSPACE_DELETED`).
     */
    delete: async (workspaceId: string, confirm: string): Promise<void> => {
      await http.request("delete", "/api/workspaces/{workspace_id}", {
        params: { workspace_id: workspaceId },
        body: { confirm },
      });
    },
    /** Gives a member the role `moderator`, `member` or `guest` (the owner only). */
    changeRole: (workspaceId: string, userId: string, role: "moderator" | "member" | "guest") =>
      http.request("patch", "/api/workspaces/{workspace_id}/members/{user_id}", {
        params: { workspace_id: workspaceId, user_id: userId },
        body: { role },
      }),
    /** Hands the workspace to another member; the caller becomes a moderator. */
    transferOwnership: (workspaceId: string, userId: string) =>
      http.request("post", "/api/workspaces/{workspace_id}/transfer-ownership", {
        params: { workspace_id: workspaceId },
        body: { user_id: userId },
      }),
    /** Removes a member (owner/admin); answers the `member.removed` event. */
    removeMember: async (workspaceId: string, userId: string) =>
      (
        await http.request("delete", "/api/workspaces/{workspace_id}/members/{user_id}", {
          params: { workspace_id: workspaceId, user_id: userId },
        })
      ).event,
    presence: async (workspaceId: string) =>
      (
        await http.request("get", "/api/workspaces/{workspace_id}/presence", {
          params: { workspace_id: workspaceId },
        })
      ).presence,
  };
}
