// Bot accounts (issue 14) in a real browser: Peter (the --dev fallback user, the workspace owner) creates a
// bot over the API; the bot posts with its own ccb_ token, and Peter sees its message arrive live with a
// BOT badge beside the bot's name (and in the member list), while his own messages carry none.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, row, seen, send, WAIT_MS } from "./helpers";
import { startServer, type RunningServer } from "./server";

let server: RunningServer;
let browser: Browser;
let peter: Page;
let generalId: string;
let botToken: string;

beforeAll(async () => {
  server = await startServer({ dev: true });
  await call(server.url, "PATCH", "/api/me", { display_name: "Peter", handle: "peter" });
  const workspace = (
    await call<{ workspaces: { id: string }[] }>(server.url, "GET", "/api/workspaces")
  ).workspaces[0]!;
  const general = (
    await call<{ channels: { id: string; name: string }[] }>(
      server.url,
      "GET",
      `/api/workspaces/${workspace.id}/channels`,
    )
  ).channels.find((c) => c.name === "general")!;
  generalId = general.id;
  const created = await call<{ bot_token: { token: string } }>(
    server.url,
    "POST",
    `/api/workspaces/${workspace.id}/bots`,
    { name: "Deploy Bot" },
  );
  botToken = created.bot_token.token;
  browser = await launch();
  peter = await browser.context.newPage();
  await peter.goto(`${server.url}/app/w/${workspace.id}/c/${general.id}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.destroy();
});

describe("a bot account", () => {
  it("posts with its token and shows a BOT badge beside its name; people get none", async () => {
    await send(peter, /Message #general/, "human here");
    const human = row(peter, "human here");
    expect(await seen(human)).toBe(true);

    await call(
      server.url,
      "POST",
      `/api/channels/${generalId}/messages`,
      { body: "deploy ok" },
      botToken,
    );

    const fromBot = row(peter, "deploy ok");
    expect(await seen(fromBot)).toBe(true);
    expect(await seen(fromBot.getByTestId("bot-badge"))).toBe(true);
    expect(await fromBot.getByTestId("bot-badge").innerText()).toBe("BOT");
    expect(await fromBot.innerText()).toContain("Deploy Bot");
    expect(await human.getByTestId("bot-badge").count()).toBe(0);
    const inList = peter.getByTestId("person").filter({ hasText: "Deploy Bot" });
    expect(await seen(inList.getByTestId("bot-badge"), WAIT_MS)).toBe(true);
  });
});

describe("an incoming webhook", () => {
  it("posts a Mattermost curl payload that shows as the name it gave, with a BOT badge", async () => {
    const workspaceId = (
      await call<{ workspaces: { id: string }[] }>(server.url, "GET", "/api/workspaces")
    ).workspaces[0]!.id;
    const hook = await call<{ webhook: { key: string } }>(
      server.url,
      "POST",
      `/api/workspaces/${workspaceId}/webhooks`,
      { channel_id: generalId, name: "Deploys" },
    );

    // curl -d '{"text":"deploy finished","username":"ci"}' $BASE/hooks/KEY
    const res = await fetch(`${server.url}/hooks/${hook.webhook.key}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: '{"text":"deploy finished","username":"ci"}',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");

    const posted = row(peter, "deploy finished");
    expect(await seen(posted)).toBe(true);
    expect(await posted.locator("header").innerText()).toMatch(/^ci\s*BOT/);
    expect(await posted.getByTestId("bot-badge").count()).toBe(1);
    expect(await posted.innerText()).not.toContain("Deploys");
  });
});

describe("slash commands in the composer", () => {
  it("runs /shrug as a post, /help as a note only for you, and posts /etc paths as text", async () => {
    await send(peter, /Message #general/, "/shrug fine");
    expect(await seen(row(peter, "fine ¯\\_(ツ)_/¯"))).toBe(true);

    await send(peter, /Message #general/, "/help");
    const note = peter.getByTestId("command-note");
    expect(await seen(note)).toBe(true);
    expect(await note.innerText()).toContain("/topic");
    expect(await row(peter, "List the commands").count()).toBe(0);

    await send(peter, /Message #general/, "/etc/hosts is not a command");
    expect(await seen(row(peter, "/etc/hosts is not a command"))).toBe(true);
  });
});
