// Registered slash commands and outgoing event subscriptions through the SDK's own methods against a real
// server (started with --allowed-callback-hosts 127.0.0.1) and a real receiver on loopback that verifies
// every signature as docs/api.md shows.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClickClackClient } from "../../src/index.ts";
import { startServer, type RunningServer } from "../server.ts";

let server: RunningServer;
let receiver: Server;
let base = "";
let owner: ClickClackClient;
let workspaceId: string;
let generalId: string;
/** The secret each receiver path verifies with. */
const secrets = new Map<string, string>();
const received: { path: string; verified: boolean; body: string }[] = [];
const waiters: (() => void)[] = [];

function signedWith(secret: string, body: Buffer, ts: string, signature: string): boolean {
  const expected = `sha256=${createHmac("sha256", secret).update(`${ts}.`).update(body).digest("hex")}`;
  return (
    signature.length === expected.length &&
    timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  );
}

/** Resolves once the receiver has something matching. */
async function arrived(match: (r: (typeof received)[number]) => boolean) {
  for (let i = 0; i < 200; i++) {
    const found = received.find(match);
    if (found) return found;
    await new Promise<void>((resolve) => {
      waiters.push(resolve);
      setTimeout(resolve, 100);
    });
  }
  throw new Error("nothing arrived");
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const path = req.url ?? "";
      const verified = signedWith(
        secrets.get(path) ?? "",
        body,
        String(req.headers["x-clickclack-timestamp"]),
        String(req.headers["x-clickclack-signature"]),
      );
      received.push({ path, verified, body: body.toString() });
      waiters.splice(0).forEach((wake) => wake());
      if (path === "/claw") {
        const text = new URLSearchParams(body.toString()).get("text");
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ response_type: "in_channel", text: `claw: ${text}` }));
      } else {
        res.writeHead(204).end();
      }
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  server = await startServer({ extraArgs: ["--allowed-callback-hosts", "127.0.0.1"] });
  await server.cli(["admin", "bootstrap", "--name", "Ann", "--email", "ann@example.com"]);
  const token = await server.cli(["admin", "token", "create", "--email", "ann@example.com"]);
  owner = new ClickClackClient({ baseUrl: server.url, token });
  workspaceId = (await owner.workspaces.list())[0]!.id;
  generalId = (await owner.channels.list(workspaceId)).find((c) => c.name === "general")!.id;
});
afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe("registered slash commands through the SDK", () => {
  it("registers, lists, runs with a signed callback, replies later, rotates and revokes", async () => {
    const created = await owner.commands.register(workspaceId, {
      trigger: "claw",
      url: `${base}/claw`,
      description: "Ask the claw",
    });
    expect(created.secret).toMatch(/^ccs_/);
    secrets.set("/claw", created.secret);
    const listed = (await owner.commands.list(workspaceId)).find((c) => c.trigger === "claw");
    expect(listed?.description).toBe("Ask the claw");
    expect(listed?.builtin).toBe(false);

    const ran = await owner.commands.execute(generalId, "/claw hello");
    expect(ran.response_type).toBe("in_channel");
    expect(ran.message?.body).toBe("claw: hello");
    expect(ran.message?.author_id).toBe(created.command.bot_id);
    const call = await arrived((r) => r.path === "/claw");
    expect(call.verified).toBe(true);

    const responseUrl = new URLSearchParams(call.body).get("response_url")!;
    const later = await owner.commands.respond(responseUrl.split("/").pop()!, {
      response_type: "in_channel",
      text: "claw, later",
    });
    expect(later.message?.body).toBe("claw, later");

    const rotated = await owner.commands.rotateSecret(created.command.id!);
    expect(rotated.secret).not.toBe(created.secret);
    const revoked = await owner.commands.revoke(created.command.id!);
    expect(revoked.revoked_at).toBeTruthy();
  });
});

describe("outgoing event subscriptions through the SDK", () => {
  it("delivers a signed event, shows it in the log, pauses, resumes and deletes", async () => {
    const created = await owner.eventSubscriptions.create(workspaceId, {
      url: `${base}/events`,
      event_types: ["message.created"],
    });
    secrets.set("/events", created.secret);
    expect(created.subscription.status).toBe("active");
    await owner.channels.sendMessage(generalId, { body: "for the subscribers" });

    const delivery = await arrived(
      (r) => r.path === "/events" && r.body.includes("for the subscribers"),
    );
    expect(delivery.verified).toBe(true);
    expect(JSON.parse(delivery.body).type).toBe("message.created");
    const id = created.subscription.id;
    let log = await owner.eventSubscriptions.deliveries(id);
    for (let i = 0; i < 50 && log[0]?.status !== "delivered"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100)); // the log row commits after the 204
      log = await owner.eventSubscriptions.deliveries(id);
    }
    expect(log[0]).toMatchObject({
      status: "delivered",
      event_type: "message.created",
      response_code: 204,
    });

    expect((await owner.eventSubscriptions.pause(id)).status).toBe("paused");
    expect((await owner.eventSubscriptions.resume(id)).status).toBe("active");
    expect((await owner.eventSubscriptions.list(workspaceId)).map((s) => s.id)).toContain(id);
    await owner.eventSubscriptions.delete(id);
    expect(await owner.eventSubscriptions.list(workspaceId)).toEqual([]);
  });
});
