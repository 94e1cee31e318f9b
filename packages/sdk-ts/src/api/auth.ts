// Sign-in (magic links, GitHub) and invites.
import type { Transport } from "../http.ts";

async function consumeMagic(http: Transport, token: string, credential?: "cookie" | "bearer") {
  const result = await http.request("post", "/api/auth/magic/consume", {
    body: credential ? { token, credential } : { token },
  });
  // A bearer sign-in leaves this client signed in as that user from now on.
  if (result.token) http.token = result.token;
  return result;
}

export function authApi(http: Transport) {
  return {
    /**
     * Exchanges a magic-link token for a session: by default a bearer token of its own in the answer;
     * with `{ credential: "cookie" }` (browsers) only the HttpOnly cookie, and no token in the body.
     */
    consumeMagicToken: (token: string, options: { credential?: "cookie" | "bearer" } = {}) =>
      consumeMagic(http, token, options.credential),
    /** The original SDK's name for a bearer `consumeMagicToken`: the client is signed in afterwards. */
    consumeMagicLink: (token: string) => consumeMagic(http, token, undefined),
    /** Whose account a magic-link token signs in to, without using it up. */
    inspectMagicToken: (token: string) =>
      http.request("post", "/api/auth/magic/inspect", { body: { token } }),
    /** Revokes the current session (its sockets close with 1008). */
    logout: async (): Promise<void> => {
      await http.request("post", "/api/auth/logout");
    },
    /** Which sign-in methods this server offers: `{github, email}`. */
    providers: () => http.request("get", "/api/auth/providers"),
    /**
     * Asks for a one-time sign-in link by email. The answer is the same whether or not the address has an
     * account; with a usable `inviteToken` an address without one may sign up. 501 when SMTP is not set up.
     */
    requestMagicLink: (email: string, options: { inviteToken?: string } = {}) =>
      http.request("post", "/api/auth/magic/request", {
        body: { email, invite_token: options.inviteToken },
      }),
    /** Where a browser goes to sign in with GitHub (a navigation, not a fetch); back to the invite when given. */
    gitHubSignInUrl: (options: { inviteToken?: string } = {}) =>
      http.url("/api/auth/github/start", {}, { invite: options.inviteToken }),
  };
}

export function invitesApi(http: Transport) {
  return {
    /** What an invite link opens, without signing in; 410 when revoked, expired or used up. */
    preview: async (token: string) =>
      (await http.request("get", "/api/invites/{token}", { params: { token } })).invite,
    /** Creates an invite (owners and moderators): `{invite, token, url}`; the token is shown this once. */
    create: (workspaceId: string, options: { expiresInSeconds?: number; maxUses?: number } = {}) =>
      http.request("post", "/api/workspaces/{workspace_id}/invites", {
        params: { workspace_id: workspaceId },
        body: { expires_in: options.expiresInSeconds, max_uses: options.maxUses },
      }),
    accept: (token: string) =>
      http.request("post", "/api/invites/{token}/accept", { params: { token } }),
    /** The workspace's invites (owners and admins), newest first; tokens are never listed. */
    list: async (workspaceId: string) =>
      (
        await http.request("get", "/api/workspaces/{workspace_id}/invites", {
          params: { workspace_id: workspaceId },
        })
      ).invites,
    /** Revokes an invite: its token stops working (accepting it answers 410). */
    revoke: async (workspaceId: string, inviteId: string) =>
      (
        await http.request("delete", "/api/workspaces/{workspace_id}/invites/{invite_id}", {
          params: { workspace_id: workspaceId, invite_id: inviteId },
        })
      ).invite,
  };
}
