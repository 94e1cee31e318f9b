// The SPA's routes. Everything lives under /app so the server can serve the product site at `/`:
//   /app                                   → last or first workspace
//   /app/login?token=…[&invite=…]          → sign in with a magic token (then back to the invite)
//   /app/invite/{token}                    → an invite link: see the workspace, sign in, join
//   /app/w/{workspace}                     → first channel of a workspace
//   /app/w/{workspace}/c/{channel}         → a channel
//   /app/w/{workspace}/c/{channel}/t/{msg} → a channel with a thread open
//   /app/w/{workspace}/dm/{dm}              → a direct conversation (…/t/{msg} with a thread open)

import { isDmId } from "./conversation";

export type Route =
  | { name: "home" }
  | { name: "login"; token: string | null; invite?: string | null }
  | { name: "invite"; token: string }
  | { name: "workspace"; workspaceId: string }
  | { name: "channel"; workspaceId: string; channelId: string; threadId: string | null }
  | { name: "dm"; workspaceId: string; dmId: string; threadId: string | null };

const BASE = "/app";

export function parseRoute(pathname: string, search = ""): Route {
  const path = pathname.replace(/\/+$/, "");
  if (path === `${BASE}/login`) {
    const query = new URLSearchParams(search);
    return { name: "login", token: query.get("token"), invite: query.get("invite") };
  }
  const invite = new RegExp(`^${BASE}/invite/([^/]+)$`).exec(path);
  if (invite) return { name: "invite", token: decodeURIComponent(invite[1]!) };
  const parts = path.startsWith(`${BASE}/`)
    ? path
        .slice(BASE.length + 1)
        .split("/")
        .map(decodeURIComponent)
    : [];
  if (parts[0] === "w" && parts[1]) {
    if (parts[2] === "c" && parts[3]) {
      const threadId = parts[4] === "t" && parts[5] ? parts[5] : null;
      return { name: "channel", workspaceId: parts[1], channelId: parts[3], threadId };
    }
    if (parts[2] === "dm" && parts[3]) {
      const threadId = parts[4] === "t" && parts[5] ? parts[5] : null;
      return { name: "dm", workspaceId: parts[1], dmId: parts[3], threadId };
    }
    return { name: "workspace", workspaceId: parts[1] };
  }
  return { name: "home" };
}

export function routePath(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case "home":
      return BASE;
    case "login":
      return `${BASE}/login`;
    case "invite":
      return invitePath(route.token);
    case "workspace":
      return `${BASE}/w/${e(route.workspaceId)}`;
    case "channel":
      return (
        `${BASE}/w/${e(route.workspaceId)}/c/${e(route.channelId)}` +
        (route.threadId ? `/t/${e(route.threadId)}` : "")
      );
    case "dm":
      return (
        `${BASE}/w/${e(route.workspaceId)}/dm/${e(route.dmId)}` +
        (route.threadId ? `/t/${e(route.threadId)}` : "")
      );
  }
}

export function invitePath(token: string): string {
  return `${BASE}/invite/${encodeURIComponent(token)}`;
}

export function channelPath(
  workspaceId: string,
  channelId: string,
  threadId: string | null = null,
): string {
  return routePath({ name: "channel", workspaceId, channelId, threadId });
}

export function dmPath(workspaceId: string, dmId: string, threadId: string | null = null): string {
  return routePath({ name: "dm", workspaceId, dmId, threadId });
}

/** Where a conversation (channel or direct, by its id) opens, with a thread when given. */
export function conversationPath(
  workspaceId: string,
  conversationId: string,
  threadId: string | null = null,
): string {
  return isDmId(conversationId)
    ? dmPath(workspaceId, conversationId, threadId)
    : channelPath(workspaceId, conversationId, threadId);
}

/**
 * The magic token in whatever the user pasted: a bare token, a /app/login?token=… link, or the whole
 * line the CLI prints ("sign-in link (valid 15 minutes): http://…?token=…").
 */
export function magicTokenFrom(pasted: string): string {
  const text = pasted.trim();
  const fromLink = /[?&]token=([^\s&#]+)/.exec(text)?.[1];
  return fromLink ? decodeURIComponent(fromLink) : text;
}
