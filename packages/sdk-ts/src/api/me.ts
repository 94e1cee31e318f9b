// The caller: profile and sessions.
import type { Transport } from "../http.ts";
import type { UpdateMeInput } from "../types.ts";

export function meApi(http: Transport) {
  return {
    get: async () => (await http.request("get", "/api/me")).user,
    /** The caller and how they are signed in: `dev_fallback` is true when the server's dev fallback answered. */
    info: () => http.request("get", "/api/me"),
    update: async (patch: UpdateMeInput) =>
      (await http.request("patch", "/api/me", { body: patch })).user,
    /** The caller's active sessions (browser and bearer), newest first; `current` marks this one. */
    sessions: async () => (await http.request("get", "/api/me/sessions")).sessions,
    /** Signs a session out (its sockets close with 1008); revoking the current one signs this client out. */
    revokeSession: async (sessionId: string): Promise<void> => {
      await http.request("delete", "/api/me/sessions/{session_id}", {
        params: { session_id: sessionId },
      });
    },
  };
}
