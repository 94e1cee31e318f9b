// Issue 14 through the SDK's own methods against a real server: an owner creates a bot, the bot posts and
// runs a slash command with its scoped token, a call outside its scopes is 403, a webhook posts a Mattermost
// payload, and a revoked token stops working.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClickClackClient, type ClickClackError } from "../../src/index.ts";
import { startServer, type RunningServer } from "../server.ts";

let server: RunningServer;
let owner: ClickClackClient;
let workspaceId: string;
let generalId: string;

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
  const token = await server.cli(["admin", "token", "create", "--email", "ann@example.com"]);
  owner = new ClickClackClient({ baseUrl: server.url, token });
  workspaceId = (await owner.workspaces.list())[0]!.id;
  generalId = (await owner.channels.list(workspaceId)).find((c) => c.name === "general")!.id;
});
afterAll(async () => {
  await server?.stop();
});

const statusOf = (error: unknown) => (error as ClickClackError).status;

describe("bots through the SDK", () => {
  it("creates a bot whose scoped token posts, runs a command, is refused outside its scopes and can be revoked", async () => {
    const created = await owner.bots.create(workspaceId, {
      name: "Claw Bot",
      scopes: ["channels:read", "messages:write", "commands:write"],
    });
    expect(created.bot.kind).toBe("bot");
    expect(created.bot_token.token).toMatch(/^ccb_/);
    const bot = new ClickClackClient({ baseUrl: server.url, token: created.bot_token.token! });

    const posted = await bot.channels.sendMessage(generalId, { body: "claw online" });
    expect(posted.message.author_id).toBe(created.bot.id);
    const shrug = await bot.commands.execute(generalId, "/shrug ok");
    expect(shrug.response_type).toBe("in_channel");
    expect(shrug.message?.author_id).toBe(created.bot.id);
    const inThread = await bot.commands.execute(generalId, "/shrug here", {
      threadRootId: posted.message.id,
    });
    expect(inThread.message?.thread_root_id).toBe(posted.message.id);
    expect(inThread.message?.parent_message_id).toBe(posted.message.id);
    expect(statusOf(await bot.channels.messages(generalId).catch((e: unknown) => e))).toBe(403);
    expect(statusOf(await bot.bots.list(workspaceId).catch((e: unknown) => e))).toBe(403);

    const [listed] = (await owner.bots.list(workspaceId)).filter(
      (b) => b.bot.id === created.bot.id,
    );
    expect(listed!.tokens[0]!.token).toBeUndefined();
    expect(listed!.tokens[0]!.last_used_at).toBeTruthy();

    const revoked = await owner.bots.revokeToken(created.bot_token.id);
    expect(revoked.revoked_at).toBeTruthy();
    expect(statusOf(await bot.me.get().catch((e: unknown) => e))).toBe(401);
  });

  it("creates a webhook whose URL takes a Mattermost payload, and posts one as the caller", async () => {
    const hook = await owner.webhooks.create(workspaceId, { channel_id: generalId, name: "CI" });
    const res = await fetch(`${server.url}/hooks/${hook.key}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "deploy ok", username: "ci" }),
    });
    expect(await res.text()).toBe("ok");

    const mine = await owner.webhooks.postMattermost(generalId, { text: "by hand" });
    expect(mine.message.body).toBe("by hand");
    const page = await owner.channels.messages(generalId);
    const fromHook = page.messages.find((m) => m.body === "deploy ok");
    expect(fromHook?.override_username).toBe("ci");
    expect(fromHook?.author_id).toBe(hook.bot_id);
  });
});
