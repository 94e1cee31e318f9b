// Issue 10's must-show, through the SDK's own methods against a real server with real credentials:
// a magic link leaves the client signed in, a handle is set with updateMe, two people DM each other, and a
// third member of the workspace is refused on every DM route and never sees a DM event on the socket.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { ClickClackClient, type ClickClackError } from "../../src/index.ts";
import { startServer, type RunningServer } from "../server.ts";
import { Recorder } from "./recorder.ts";

let server: RunningServer;
let workspaceId: string;
let owner: ClickClackClient;
let bo: ClickClackClient;
let cy: ClickClackClient;
let annLink: string;

beforeAll(async () => {
  server = await startServer();
  await server.cli([
    "admin",
    "bootstrap",
    "--name",
    "Ann",
    "--email",
    "ann@example.com",
    "--workspace",
    "Reef",
  ]);
  const [ownerToken] = await Promise.all([
    server.cli(["admin", "token", "create", "--email", "ann@example.com"]),
    server.cli([
      "admin",
      "user",
      "create",
      "--name",
      "Bo",
      "--email",
      "bo@example.com",
      "--workspace",
      "Reef",
    ]),
    server.cli([
      "admin",
      "user",
      "create",
      "--name",
      "Cy",
      "--email",
      "cy@example.com",
      "--workspace",
      "Reef",
    ]),
  ]);
  const [boToken, cyToken, link] = await Promise.all([
    server.cli(["admin", "token", "create", "--email", "bo@example.com"]),
    server.cli(["admin", "token", "create", "--email", "cy@example.com"]),
    server.cli(["admin", "magic-link", "create", "--email", "ann@example.com"]),
  ]);
  owner = new ClickClackClient({ baseUrl: server.url, token: ownerToken });
  bo = new ClickClackClient({ baseUrl: server.url, token: boToken });
  cy = new ClickClackClient({ baseUrl: server.url, token: cyToken });
  annLink = link;
  workspaceId = (await owner.workspaces.list())[0]!.id;
});
afterAll(async () => {
  await server?.stop();
});

const statusOf = (error: unknown) => (error as ClickClackError).status;

function follow(client: ClickClackClient) {
  const recorder = new Recorder();
  const subscription = client.events.subscribe({
    workspaceId,
    WebSocket,
    onEvent: recorder.onEvent,
    onStatus: recorder.onStatus,
  });
  return { recorder, subscription };
}

describe("people, through the SDK's methods", () => {
  let ann: ClickClackClient;

  it("auth.consumeMagicLink leaves the client signed in, and updateMe sets a handle", async () => {
    ann = new ClickClackClient({ baseUrl: server.url });
    expect(statusOf(await ann.me.get().catch((e: unknown) => e))).toBe(401);
    const signedIn = await ann.auth.consumeMagicLink(annLink);
    expect(signedIn.user.display_name).toBe("Ann");
    expect(signedIn.session.token).toBe(signedIn.token);
    expect(ann.token).toBe(signedIn.token);
    expect((await ann.me.get()).display_name).toBe("Ann");

    const updated = await ann.updateMe({ handle: "@Ann_Crab" });
    expect(updated.handle).toBe("ann_crab");
    const taken = await bo.updateMe({ handle: "ann_crab" }).catch((e: unknown) => e);
    expect(statusOf(taken)).toBe(409);
  });

  it("two people DM each other; a third member sees nothing of it", async () => {
    const boUser = await bo.me.get();
    const first = await ann.dms.create(workspaceId, [boUser.id]);
    const second = await ann.dms.create(workspaceId, [boUser.id]);
    expect(second.id).toBe(first.id);
    expect(first.members.map((m) => m.display_name).toSorted()).toEqual(["Ann", "Bo"]);

    const boSocket = follow(bo);
    const cySocket = follow(cy);
    await boSocket.recorder.until("Bo open", (r) => r.statuses.at(-1) === "open");
    await cySocket.recorder.until("Cy open", (r) => r.statuses.at(-1) === "open");

    const sent = await ann.dms.sendMessage(first.id, {
      body: "psst, the kelp is ripe",
      nonce: "n-1",
    });
    const reply = await bo.dms.sendMessage(first.id, { body: "on my way @ann_crab" });
    expect(sent.message.direct_conversation_id).toBe(first.id);
    expect(sent.message.channel_id).toBeUndefined();
    expect(reply.message.mentioned_user_ids).toEqual([(await ann.me.get()).id]);

    for (const client of [ann, bo]) {
      const page = await client.dms.messages(first.id);
      expect(page.messages.map((m) => m.body)).toEqual([
        "psst, the kelp is ripe",
        "on my way @ann_crab",
      ]);
      const listed = await client.dms.list(workspaceId);
      expect(listed.map((d) => d.id)).toContain(first.id);
    }
    const annView = (await ann.dms.list(workspaceId)).find((d) => d.id === first.id)!;
    expect(annView.unread_count).toBe(1);
    expect(annView.mention_count).toBe(1);
    expect((await ann.dms.markRead(first.id, annView.last_seq)).last_read_seq).toBe(2);
    expect((await ann.dms.get(first.id)).unread_count).toBe(0);

    // Cy is in the workspace but not in the conversation: every DM route answers 404.
    expect(await cy.dms.list(workspaceId)).toEqual([]);
    const refused = await Promise.all([
      cy.dms.get(first.id).catch((e: unknown) => e),
      cy.dms.messages(first.id).catch((e: unknown) => e),
      cy.dms.sendMessage(first.id, { body: "let me in" }).catch((e: unknown) => e),
      cy.dms.hide(first.id).catch((e: unknown) => e),
      cy.dms.open(first.id).catch((e: unknown) => e),
      cy.dms.markRead(first.id, 1).catch((e: unknown) => e),
      cy.messages.get(sent.message.id).catch((e: unknown) => e),
    ]);
    expect(refused.map(statusOf)).toEqual([404, 404, 404, 404, 404, 404, 404]);

    // A channel message is the sentinel: once Cy has it, anything about the DM would have come first.
    const [general] = await owner.channels.list(workspaceId);
    const sentinel = await owner.channels.sendMessage(general!.id, { body: "all hands" });
    await cySocket.recorder.until("the sentinel", (r) =>
      r.events.some((e) => e.id === sentinel.event.id),
    );
    await boSocket.recorder.until("Ann's DM", (r) =>
      r.createdMessageIds().includes(sent.message.id),
    );
    expect(JSON.stringify(cySocket.recorder.events)).not.toContain(first.id);
    expect(cySocket.recorder.createdMessageIds()).toEqual([sentinel.message.id]);
    boSocket.subscription.close();
    cySocket.subscription.close();
  });
});
