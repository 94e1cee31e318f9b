// Real credentials against a server with an owner (no dev fallback): CLI-issued bearer tokens,
// invites, magic-link sessions with the cookie + CSRF rule, and revocation closing sockets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { ClickClackClient, ClickClackError, type StatusDetail } from "../../src/index.ts";
import { startServer, type RunningServer } from "../server.ts";
import { Recorder } from "./recorder.ts";

let server: RunningServer;
let owner: ClickClackClient;
let workspaceId: string;
/** CLI output prepared up front: every CLI call is a JVM start, so they run in parallel. */
const issued = { lobsterToken: "", crabToken: "", invite: "", magicLinks: [] as string[] };

beforeAll(async () => {
  server = await startServer();
  await server.cli([
    "admin",
    "bootstrap",
    "--name",
    "Pat",
    "--email",
    "pat@example.com",
    "--workspace",
    "Reef",
  ]);
  const [patToken] = await Promise.all([
    tokenFor("pat@example.com"),
    server.cli(["admin", "user", "create", "--name", "Lobster", "--email", "lobster@example.com"]),
  ]);
  owner = new ClickClackClient({ baseUrl: server.url, token: patToken });
  const [reef] = await owner.workspaces.list();
  workspaceId = reef!.id;
  const crabCreated = server.cli([
    "admin",
    "user",
    "create",
    "--name",
    "Crab",
    "--email",
    "crab@example.com",
    "--workspace",
    workspaceId,
  ]);
  [issued.lobsterToken, issued.invite, issued.crabToken, ...issued.magicLinks] = await Promise.all([
    tokenFor("lobster@example.com"),
    server.cli(["admin", "invite", "create", "--workspace", workspaceId]),
    crabCreated.then(() => tokenFor("crab@example.com")),
    magicLinkFor("pat@example.com"),
    magicLinkFor("pat@example.com"),
    magicLinkFor("pat@example.com"),
  ]);
});
afterAll(async () => {
  await server?.stop();
});

function tokenFor(email: string): Promise<string> {
  return server.cli(["admin", "token", "create", "--email", email]);
}

function magicLinkFor(email: string): Promise<string> {
  return server.cli(["admin", "magic-link", "create", "--email", email]);
}

const as = (token: string) => new ClickClackClient({ baseUrl: server.url, token });

/** Follows Reef and records statuses with their close codes. */
function follow(client: ClickClackClient) {
  const recorder = new Recorder();
  const closes: StatusDetail[] = [];
  const subscription = client.events.subscribe({
    workspaceId,
    WebSocket,
    onEvent: recorder.onEvent,
    onStatus: (status, detail) => {
      if (detail.code) closes.push(detail);
      recorder.onStatus(status);
    },
  });
  return { recorder, closes, subscription };
}

const statusOf = (error: unknown) => (error as ClickClackError).status;

describe("bearer tokens", () => {
  it("refuses requests without credentials once an owner exists", async () => {
    const anonymous = new ClickClackClient({ baseUrl: server.url });
    expect(statusOf(await anonymous.me.get().catch((e: unknown) => e))).toBe(401);
  });

  it("authenticates a CLI-issued token as its user", async () => {
    const me = await owner.me.get();
    expect(me.display_name).toBe("Pat");
    const bogus = new ClickClackClient({ baseUrl: server.url, token: "cct_nope" });
    expect(statusOf(await bogus.me.get().catch((e: unknown) => e))).toBe(401);
  });

  it("joins a workspace through an invite", async () => {
    const lobster = as(issued.lobsterToken);
    expect(await lobster.workspaces.list()).toEqual([]);
    const joined = await lobster.invites.accept(issued.invite);
    expect(joined.workspace).toMatchObject({ id: workspaceId, role: "member" });
    expect(joined.event?.type).toBe("member.joined");
    const members = await owner.workspaces.members(workspaceId);
    expect(members.map((m) => m.user.display_name)).toContain("Lobster");
  });

  it("creates an invite as the owner, previews it without credentials and sees it used", async () => {
    const created = await owner.invites.create(workspaceId, { expiresInSeconds: 3600, maxUses: 2 });
    expect(created.url).toBe(`${server.url}/app/invite/${created.token}`);
    const anonymous = new ClickClackClient({ baseUrl: server.url });
    expect(await anonymous.invites.preview(created.token)).toMatchObject({
      workspace_id: workspaceId,
      workspace_name: "Reef",
      uses_left: 2,
    });
    expect(await anonymous.auth.providers()).toEqual({ github: false, email: false });
    expect(anonymous.auth.gitHubSignInUrl({ inviteToken: created.token })).toBe(
      `${server.url}/api/auth/github/start?invite=${created.token}`,
    );
    const noSmtp = await anonymous.auth
      .requestMagicLink("pat@example.com")
      .catch((e: unknown) => e);
    expect(statusOf(noSmtp)).toBe(501);
  });

  it("lists the caller's sessions and signs one out", async () => {
    const second = as(await tokenFor("lobster@example.com"));
    const sessions = await second.me.sessions();
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current)!;
    await second.me.revokeSession(other.id);
    expect((await second.me.sessions()).map((s) => s.id)).not.toContain(other.id);
    expect(
      statusOf(
        await as(issued.lobsterToken)
          .me.get()
          .catch((e: unknown) => e),
      ),
    ).toBe(401);
  });

  it("streams events to a bot authenticated by the bearer subprotocol", async () => {
    const { recorder, subscription } = follow(as(issued.crabToken));
    await recorder.until("open", (r) => r.statuses.at(-1) === "open");
    const [general] = await owner.channels.list(workspaceId);
    const sent = await owner.channels.sendMessage(general!.id, { body: "!clack" });
    await recorder.until("the owner's message", (r) =>
      r.createdMessageIds().includes(sent.message.id),
    );
    subscription.close();
    const received = recorder.events.find((e) => e.id === sent.event.id);
    expect(received?.payload.author_id).toBe(sent.message.author_id);
  });

  it("closes a removed member's socket with 1008 and stops reconnecting", async () => {
    const crab = as(issued.crabToken);
    const crabUser = await crab.me.get();
    const { recorder, closes } = follow(crab);
    await recorder.until("open", (r) => r.statuses.at(-1) === "open");
    const removed = await owner.workspaces.removeMember(workspaceId, crabUser.id);
    expect(removed.type).toBe("member.removed");
    await recorder.until("closed", (r) => r.statuses.at(-1) === "closed");
    expect(closes.map((c) => c.code)).toEqual([1008]);
    expect(
      statusOf(await crab.workspaces.get(workspaceId).catch((e: unknown) => e)),
    ).toBeGreaterThanOrEqual(403);
  });
});

/** Consumes a magic token like a browser would, capturing the Set-Cookie header. */
async function signIn(magic: string, credential?: "cookie" | "bearer") {
  let setCookie = "";
  const anonymous = new ClickClackClient({
    baseUrl: server.url,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      setCookie = response.headers.get("set-cookie") ?? setCookie;
      return response;
    },
  });
  const result = await anonymous.auth.consumeMagicToken(magic, { credential });
  return { result, setCookie };
}

describe("magic-link sessions", () => {
  it("signs in once with a magic token and sets the HttpOnly cc_session cookie", async () => {
    const magic = issued.magicLinks[0]!;
    const { result, setCookie } = await signIn(magic, "cookie");
    expect(result.user.display_name).toBe("Pat");
    expect(result.session.id).toMatch(/^ses_/);
    expect(setCookie).toMatch(/cc_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    // The cookie's secret stays out of the body that page scripts can read.
    expect(result.token).toBeUndefined();
    expect(result.session.token).toBeUndefined();
    const again = await new ClickClackClient({ baseUrl: server.url }).auth
      .consumeMagicToken(magic)
      .catch((e: unknown) => e);
    expect(statusOf(again)).toBeGreaterThanOrEqual(400);
  });

  let session: { token: string; cookie: string };

  beforeAll(async () => {
    // A browser's cookie and an API client's bearer token are separate sign-ins (and credentials).
    const browser = await signIn(issued.magicLinks[1]!, "cookie");
    const api = await signIn(issued.magicLinks[2]!);
    if (api.setCookie !== "" || api.result.session.token !== api.result.token)
      throw new Error("a bearer sign-in must not set a cookie and must carry its own token");
    session = { token: api.result.token!, cookie: browser.setCookie.split(";")[0]! };
  });

  it("accepts cookie writes only with the CSRF header the SDK adds", async () => {
    const cookie = session.cookie;
    const browserLike = new ClickClackClient({
      baseUrl: server.url,
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), cookie },
        }),
    });
    const { channel } = await browserLike.channels.create(workspaceId, { name: "cookies" });
    expect(channel.name).toBe("cookies");

    const forged = await fetch(`${server.url}/api/workspaces/${workspaceId}/channels`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ name: "forged" }),
    });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toEqual({ error: expect.any(String) });
  });

  it("logout revokes the session and closes its sockets with 1008", async () => {
    const signedIn = as(session.token);
    const { recorder, closes } = follow(signedIn);
    await recorder.until("open", (r) => r.statuses.at(-1) === "open");
    await signedIn.auth.logout();
    await recorder.until("closed", (r) => r.statuses.at(-1) === "closed");
    expect(closes.map((c) => c.code)).toEqual([1008]);
    expect(statusOf(await signedIn.me.get().catch((e: unknown) => e))).toBe(401);
  });
});
