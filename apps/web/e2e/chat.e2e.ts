// Two people chatting through the real server in two browsers: Peter (the --dev fallback user) and
// Ari (created with the admin CLI, signed in with a magic link). Tests run in order and build on each
// other, like a conversation does.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { existsSync } from "node:fs";
import {
  call,
  composer,
  gone,
  row,
  SCREENSHOTS,
  seen,
  send,
  shot,
  tokenFrom,
  waitText,
  WAIT_MS,
} from "./helpers";
import { startServer, type RunningServer } from "./server";

interface Workspace {
  id: string;
  name: string;
}
interface Channel {
  id: string;
  name: string;
}

let server: RunningServer;
let peterBrowser: Browser;
let ariBrowser: Browser;
let peter: Page;
let ari: Page;
let workspaceId: string;
let general: Channel;

const GENERAL = /Message #general/;

beforeAll(async () => {
  server = await startServer({ dev: true });
  await call(server.url, "PATCH", "/api/me", { display_name: "Peter" });
  const { workspaces } = await call<{ workspaces: Workspace[] }>(
    server.url,
    "GET",
    "/api/workspaces",
  );
  workspaceId = workspaces[0]!.id;
  const { channels } = await call<{ channels: Channel[] }>(
    server.url,
    "GET",
    `/api/workspaces/${workspaceId}/channels`,
  );
  general = channels.find((c) => c.name === "general") ?? channels[0]!;

  await server.cli([
    "admin",
    "user",
    "create",
    "--name",
    "Ari",
    "--email",
    "ari@example.com",
    "--workspace",
    workspaceId,
  ]);

  peterBrowser = await launch();
  ariBrowser = await launch();
  peter = await peterBrowser.context.newPage();
  ari = await ariBrowser.context.newPage();
});

afterAll(async () => {
  await peterBrowser?.close();
  await ariBrowser?.close();
  await server?.destroy();
});

async function magicToken(): Promise<string> {
  return tokenFrom(
    await server.cli(["admin", "magic-link", "create", "--email", "ari@example.com"]),
  );
}

describe("two people in #general", () => {
  it("signs Ari in from a magic link and lands both in #general", async () => {
    await ari.goto(`${server.url}/app/login?token=${encodeURIComponent(await magicToken())}`);
    await ari.waitForURL(/\/app\/w\/[^/]+\/c\/[^/]+$/, { timeout: WAIT_MS });
    expect(await waitText(ari.locator("h1"), "general")).toBe("#general");

    await peter.goto(`${server.url}/app`);
    await peter.waitForURL(/\/app\/w\/[^/]+\/c\/[^/]+$/, { timeout: WAIT_MS });
    expect(await waitText(peter.locator("h1"), "general")).toBe("#general");
    // Both see each other in the People list.
    expect(await waitText(peter.getByRole("region", { name: "People" }), "Ari")).toContain("Peter");
  });

  it("delivers Peter's message to Ari live, with Markdown rendered", async () => {
    await send(peter, GENERAL, "Hello from the **reef**! Try `npm test`.");
    const onAri = row(ari, "Hello from the");
    await onAri.waitFor({ timeout: WAIT_MS });
    expect(await onAri.locator("strong").textContent()).toBe("reef");
    expect(await onAri.locator("code").textContent()).toBe("npm test");
    // Peter's own copy is confirmed exactly once (optimistic row reconciled, not duplicated).
    await peter.waitForTimeout(500);
    expect(await row(peter, "Hello from the").count()).toBe(1);
  });

  it("never executes HTML in a message", async () => {
    await send(
      ari,
      GENERAL,
      "<img src=x onerror=\"document.title='pwned'\"> [x](javascript:alert(1))",
    );
    const onPeter = row(peter, "<img src=x");
    await onPeter.waitFor({ timeout: WAIT_MS });
    expect(await onPeter.locator("img").count()).toBe(0);
    expect(await onPeter.getByTestId("message-body").locator("a").count()).toBe(0);
    expect(await peter.title()).not.toBe("pwned");
  });

  it("shows Ari typing to Peter", async () => {
    const box = await composer(ari, GENERAL);
    await box.click();
    await box.pressSequentially("thinking about it", { delay: 20 });
    expect(await waitText(peter.getByTestId("typing"), "clacking")).toBe("Ari is clacking…");
    await box.fill("");
  });

  it("updates Peter's reply count live when Ari replies in a thread", async () => {
    const root = row(ari, "Hello from the");
    await root.hover();
    await root.getByRole("link", { name: "Reply in thread" }).click();
    await ari.getByTestId("thread-pane").waitFor({ timeout: WAIT_MS });
    expect(ari.url()).toMatch(/\/t\/msg_/);

    await send(ari, "Reply…", "Reply from the thread 🦀");
    await waitText(row(peter, "Hello from the").getByTestId("reply-count"), "1 reply");
    // The reply lives in the thread, not in the channel timeline.
    expect(await peter.getByTestId("timeline").getByText("Reply from the thread").count()).toBe(0);
  });

  it("toggles reactions and shows the counts to both", async () => {
    const onPeter = row(peter, "Hello from the");
    await onPeter.hover();
    await onPeter.getByRole("button", { name: "React with 🦞" }).click();

    const chipOnAri = row(ari, "Hello from the").locator('[data-emoji="🦞"]');
    await waitText(chipOnAri, "1");
    await chipOnAri.click();
    await waitText(onPeter.locator('[data-emoji="🦞"]'), "2");
    expect(await chipOnAri.getAttribute("aria-pressed")).toBe("true");

    await chipOnAri.click();
    await waitText(onPeter.locator('[data-emoji="🦞"]'), "1");
  });

  it("pins a message and lists it under the channel's pin button for everyone", async () => {
    const onPeter = row(peter, "Hello from the");
    await onPeter.hover();
    await onPeter.getByRole("button", { name: "Pin message" }).click();

    // Ari opens the pinned list in the header: the server's list, with Peter's message in it.
    let listed = false;
    for (let i = 0; i < 20 && !listed; i++) {
      await ari.getByRole("button", { name: "Pinned messages" }).click();
      const pinned = ari
        .getByRole("dialog", { name: "Pinned messages" })
        .getByTestId("pinned-message");
      listed = await seen(pinned.filter({ hasText: "Hello from the" }), 1_000);
      if (!listed) await ari.getByRole("button", { name: "Pinned messages" }).click();
    }
    expect(listed).toBe(true);
    await ari.keyboard.press("Escape");
  });

  it("propagates an edit and a delete", async () => {
    const mine = row(peter, "Hello from the");
    await mine.hover();
    await mine.getByRole("button", { name: "Edit message" }).click();
    const editor = peter.getByRole("textbox", { name: "Edit message" });
    await editor.fill("Hello from the **reef**, edited with care.");
    await editor.press("Enter");
    expect(await waitText(row(ari, "edited with care"), "(edited)")).toContain("reef, edited");

    await send(peter, GENERAL, "This one is a mistake");
    const oops = row(peter, "This one is a mistake");
    await row(ari, "This one is a mistake").waitFor({ timeout: WAIT_MS });
    await oops.hover();
    await oops.getByRole("button", { name: "Delete message" }).click();
    await oops.getByRole("button", { name: "Delete", exact: true }).click();
    expect(await gone(row(ari, "This one is a mistake"))).toBe(true);
  });

  it("edits the last message with ↑ in an empty composer", async () => {
    await send(ari, GENERAL, "Typo in thsi one");
    await row(ari, "Typo in thsi one").waitFor({ state: "visible", timeout: WAIT_MS });
    await waitText(row(ari, "Typo in thsi one"), "Typo"); // confirmed, not pending
    await ari.waitForTimeout(300);
    const box = await composer(ari, GENERAL);
    await box.click();
    await box.press("ArrowUp");
    const editor = ari.getByRole("textbox", { name: "Edit message" });
    await editor.fill("Typo in this one, fixed");
    await editor.press("Enter");
    expect(await waitText(row(peter, "Typo in this one, fixed"), "(edited)")).toBeTruthy();
  });

  it("restores the same view after a reload (deep link with the thread open)", async () => {
    const url = ari.url();
    expect(url).toMatch(/\/app\/w\/[^/]+\/c\/[^/]+\/t\/msg_/);
    await ari.reload();
    await ari.getByTestId("thread-pane").waitFor({ timeout: WAIT_MS });
    await waitText(ari.getByTestId("thread-pane"), "Reply from the thread");
    expect(ari.url()).toBe(url);

    await ari.keyboard.press("Escape");
    await ari.getByTestId("thread-pane").waitFor({ state: "detached", timeout: WAIT_MS });
    expect(ari.url()).not.toContain("/t/");
  });

  it("catches up after a server restart with messages posted while clients reconnect", async () => {
    const { port, dataDir } = server;
    await server.stop();
    expect(await seen(peter.getByTestId("reconnecting"))).toBe(true);
    expect(await seen(ari.getByTestId("reconnecting"))).toBe(true);

    server = await startServer({ dev: true, port, dataDir });
    await call(server.url, "POST", `/api/channels/${general.id}/messages`, {
      body: "Posted over the API while you were reconnecting",
    });

    expect(await seen(row(peter, "Posted over the API"), 45_000)).toBe(true);
    expect(await seen(row(ari, "Posted over the API"), 45_000)).toBe(true);
    expect(await gone(peter.getByTestId("reconnecting"), 45_000)).toBe(true);
    // And the live pipe works again afterwards.
    await send(ari, GENERAL, "Back on the reef");
    expect(await seen(row(peter, "Back on the reef"))).toBe(true);
  }, 180_000);

  it("resyncs from HTTP when the events it missed were pruned (close 4001)", async () => {
    const { port, dataDir } = server;
    await server.stop();
    expect(await seen(peter.getByTestId("reconnecting"))).toBe(true);
    // While the server is down: Bo joins (an event nobody has seen), then the log is pruned, so
    // Peter's cursor no longer exists and only a refetch can tell him about Bo.
    await server.cli([
      "admin",
      "user",
      "create",
      "--name",
      "Bo",
      "--email",
      "bo@example.com",
      "--workspace",
      workspaceId,
    ]);
    await server.cli(["admin", "events", "prune", "--older-than", "0s"]);
    server = await startServer({ dev: true, port, dataDir });

    const people = peter.getByRole("region", { name: "People" });
    expect(await waitText(people, "Bo", 45_000)).toContain("Ari");
    expect(await gone(peter.getByTestId("reconnecting"), 45_000)).toBe(true);
    await send(ari, GENERAL, "Still here after the resync");
    expect(await seen(row(peter, "Still here after the resync"), 45_000)).toBe(true);
  }, 180_000);

  it("creates, renames and archives channels, live for everyone", async () => {
    await peter.getByRole("button", { name: "Create channel" }).click();
    await peter.getByLabel("New channel").fill("lanch");
    await peter.getByLabel("New channel").press("Enter");
    await peter.waitForURL(/\/c\/chn_/, { timeout: WAIT_MS });
    expect(await waitText(peter.locator("h1"), "lanch")).toBe("#lanch");
    const ariChannels = ari.getByRole("navigation", { name: "Channels" });
    // Ari is not in it: she finds it in the channel browser, with its one member, and joins.
    await ariChannels.getByRole("button", { name: "Browse channels" }).click();
    const picker = ari.getByRole("dialog", { name: "Browse channels" });
    expect(await seen(picker.getByText("1 member"))).toBe(true);
    await picker.getByRole("button", { name: "Join #lanch" }).click();
    await ari.waitForURL(/\/c\/chn_/, { timeout: WAIT_MS });
    expect(await seen(ariChannels.getByRole("link", { name: "lanch" }))).toBe(true);

    await peter.getByRole("button", { name: "Channel options for #lanch" }).click();
    await peter.getByRole("menuitem", { name: "Rename" }).click();
    await peter.getByLabel("New name for #lanch").fill("launch");
    await peter.getByLabel("New name for #lanch").press("Enter");
    expect(await waitText(peter.locator("h1"), "launch")).toBe("#launch");
    expect(await seen(ariChannels.getByRole("link", { name: "launch" }))).toBe(true);

    await peter.getByRole("button", { name: "Create channel" }).click();
    await peter.getByLabel("New channel").fill("scratch");
    await peter.getByLabel("New channel").press("Enter");
    expect(await waitText(peter.locator("h1"), "scratch")).toBe("#scratch");
    await ariChannels.getByRole("button", { name: "Browse channels" }).click();
    await ari
      .getByRole("dialog", { name: "Browse channels" })
      .getByRole("button", { name: "Join #scratch" })
      .click();
    expect(await seen(ariChannels.getByRole("link", { name: "scratch" }))).toBe(true);
    await peter.getByRole("button", { name: "Channel options for #scratch" }).click();
    await peter.getByRole("menuitem", { name: "Archive" }).click();
    expect(await seen(peter.getByText("#scratch is archived."))).toBe(true);
    // On Ari's side it moves under "Archived".
    await ariChannels.getByText(/Archived \(1\)/).click();
    expect(await seen(ariChannels.locator("details").getByRole("link", { name: "scratch" }))).toBe(
      true,
    );
  });

  it("marks a channel with new messages as unread", async () => {
    const { channels } = await call<{ channels: Channel[] }>(
      server.url,
      "GET",
      `/api/workspaces/${workspaceId}/channels`,
    );
    const launch = channels.find((c) => c.name === "launch")!;
    await ari.goto(`${server.url}/app/w/${workspaceId}/c/${general.id}`);
    await composer(ari, GENERAL);
    await call(server.url, "POST", `/api/channels/${launch.id}/messages`, {
      body: "Kicking off the 0.4 release here 🚀",
    });
    const link = ari
      .getByRole("navigation", { name: "Channels" })
      .getByRole("link", { name: /launch/ });
    expect(await waitText(link, "(unread)")).toContain("launch");
    await link.click();
    expect(await seen(row(ari, "Kicking off the 0.4 release here 🚀"))).toBe(true);
    expect(await link.textContent()).not.toContain("unread");
  });

  it("badges and highlights a mention of Ari, and clears it for good once read", async () => {
    const { channels } = await call<{ channels: Channel[] }>(
      server.url,
      "GET",
      `/api/workspaces/${workspaceId}/channels`,
    );
    const launch = channels.find((c) => c.name === "launch")!;
    const { members } = await call<{
      members: { user: { display_name: string; handle: string } }[];
    }>(server.url, "GET", `/api/workspaces/${workspaceId}/members`);
    const handle = members.find((m) => m.user.display_name === "Ari")!.user.handle;
    await ari.goto(`${server.url}/app/w/${workspaceId}/c/${general.id}`);
    await composer(ari, GENERAL);
    await call(server.url, "POST", `/api/channels/${launch.id}/messages`, {
      body: `@${handle} can you check the notes? \`@${handle}\` in code is not one`,
    });
    const badge = ari
      .getByRole("navigation", { name: "Channels" })
      .getByRole("link", { name: /launch/ })
      .getByTestId("mention-badge");
    expect(await waitText(badge, "1")).toContain("1 mention");
    await ari
      .getByRole("navigation", { name: "Channels" })
      .getByRole("link", { name: /launch/ })
      .click();
    const message = row(ari, "can you check the notes?");
    expect(await seen(message.locator(".mention.me"))).toBe(true);
    expect(await message.locator(".mention").count()).toBe(1);
    expect(await gone(badge)).toBe(true);
    // The server's read pointer moved too: a reload elsewhere shows no badge.
    await ari.goto(`${server.url}/app/w/${workspaceId}/c/${general.id}`);
    await composer(ari, GENERAL);
    expect(await ari.getByTestId("mention-badge").count()).toBe(0);
  });

  it("mutes a channel for Ari only, and shows her a private channel only once she is added", async () => {
    const ariChannels = ari.getByRole("navigation", { name: "Channels" });
    await ari.goto(`${server.url}/app/w/${workspaceId}/c/${general.id}`);
    await composer(ari, GENERAL);
    await ariChannels.getByRole("button", { name: "Channel options for #launch" }).click();
    await ari.getByRole("menuitemradio", { name: "Muted" }).click();
    const launchLink = ariChannels.getByRole("link", { name: /launch/ });
    expect(await waitText(launchLink, "muted")).toContain("launch");

    // Peter makes a private channel; then posts in #launch and, as the sentinel, in a channel Ari is in.
    await peter.getByRole("button", { name: "Create channel" }).click();
    await peter.getByLabel("New channel").fill("vault");
    await peter.getByLabel(/Private/).check();
    await peter.getByLabel("New channel").press("Enter");
    expect(await waitText(peter.locator("h1"), "vault")).toBe("#vault");
    expect(
      await waitText(
        peter.getByRole("navigation", { name: "Channels" }).getByRole("link", { name: /vault/ }),
        "private",
      ),
    ).toContain("vault");
    const { channels } = await call<{ channels: Channel[] }>(
      server.url,
      "GET",
      `/api/workspaces/${workspaceId}/channels`,
    );
    const launch = channels.find((c) => c.name === "launch")!;
    const sentinel = (
      await call<{ channel: Channel }>(
        server.url,
        "POST",
        `/api/workspaces/${workspaceId}/channels`,
        { name: "sentinel" },
      )
    ).channel;
    const { members } = await call<{ members: { user: { id: string; display_name: string } }[] }>(
      server.url,
      "GET",
      `/api/workspaces/${workspaceId}/members`,
    );
    const ariId = members.find((m) => m.user.display_name === "Ari")!.user.id;
    await call(server.url, "POST", `/api/channels/${sentinel.id}/members`, { user_id: ariId });
    await call(server.url, "POST", `/api/channels/${launch.id}/messages`, {
      body: "Muted chatter",
    });
    await call(server.url, "POST", `/api/channels/${sentinel.id}/messages`, { body: "Sentinel" });

    expect(
      await waitText(ariChannels.getByRole("link", { name: /sentinel/ }), "(unread)"),
    ).toContain("sentinel");
    expect(await launchLink.textContent()).not.toContain("unread");
    await ariChannels.getByRole("button", { name: "Browse channels" }).click();
    const picker = ari.getByRole("dialog", { name: "Browse channels" });
    expect(await picker.textContent()).not.toContain("vault");
    expect(await ariChannels.textContent()).not.toContain("vault");
    await ari.keyboard.press("Escape");

    // Peter adds Ari from the channel's menu: it appears in her sidebar at once, private.
    await peter.getByRole("button", { name: "Channel options for #vault" }).click();
    await peter.getByRole("menuitem", { name: "Add people" }).click();
    await peter.getByLabel("Add to #vault").selectOption({ label: "Ari" });
    await peter.getByRole("button", { name: "Add", exact: true }).click();
    expect(await waitText(ariChannels.getByRole("link", { name: /vault/ }), "private")).toContain(
      "vault",
    );
  });

  it("toggles dark mode and remembers it", async () => {
    await peter.goto(`${server.url}/app/w/${workspaceId}/c/${general.id}`);
    await composer(peter, GENERAL);
    const theme = () => peter.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe("light");
    const bgLight = await peter.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await peter.getByTestId("theme-toggle").click();
    expect(await theme()).toBe("dark");
    expect(await peter.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
      bgLight,
    );
    await peter.reload();
    await composer(peter, GENERAL);
    expect(await theme()).toBe("dark");
    await peter.getByTestId("theme-toggle").click();
    expect(await theme()).toBe("light");
  });
});

describe("screenshots", () => {
  it("captures light and dark, desktop and mobile", async () => {
    const { channels } = await call<{ channels: Channel[] }>(
      server.url,
      "GET",
      `/api/workspaces/${workspaceId}/channels`,
    );
    const launch = channels.find((c) => c.name === "launch")!;
    await call(server.url, "PATCH", `/api/channels/${launch.id}`, {
      topic: "Shipping 0.4 together. Checklists, not chaos.",
    });
    await seedConversation(launch.id);
    const channelUrl = `${server.url}/app/w/${workspaceId}/c/${launch.id}`;
    await peter.goto(channelUrl);
    const launchRoot = row(peter, "Release checklist");
    await launchRoot.waitFor({ timeout: WAIT_MS });
    const rootId = await launchRoot.getAttribute("data-id");
    const threadUrl = `${channelUrl}/t/${rootId}`;

    for (const theme of ["light", "dark"] as const) {
      await peter.evaluate((t) => localStorage.setItem("clickclack.theme", t), theme);
      await peter.goto(threadUrl);
      await waitText(peter.getByTestId("thread-pane"), "Changelog");
      await shot(peter, `desktop-${theme}-thread`);
      await peter.goto(channelUrl);
      await row(peter, "Release checklist").waitFor({ timeout: WAIT_MS });
      await shot(peter, `desktop-${theme}-channel`);
    }
    // The hover toolbar and the reaction picker, in the last theme.
    const question = row(peter, "point the bot at staging");
    await question.hover();
    await question.getByRole("button", { name: "Add reaction" }).click();
    await peter.getByRole("dialog", { name: "Add a reaction" }).waitFor({ timeout: WAIT_MS });
    await shot(peter, "desktop-dark-reaction-picker");
    await peter.keyboard.press("Escape");

    const mobile = await peterBrowser.context.newPage();
    await mobile.setViewportSize({ width: 390, height: 844 });
    for (const theme of ["light", "dark"] as const) {
      await mobile.goto(channelUrl);
      await mobile.evaluate((t) => localStorage.setItem("clickclack.theme", t), theme);
      await mobile.reload();
      await row(mobile, "Release checklist").waitFor({ timeout: WAIT_MS });
      await shot(mobile, `mobile-${theme}-channel`);
      await mobile.getByRole("button", { name: "Open navigation" }).click();
      await mobile.waitForTimeout(250);
      await shot(mobile, `mobile-${theme}-drawer`);
      await mobile.keyboard.press("Escape");
      await mobile.goto(threadUrl);
      await waitText(mobile.getByTestId("thread-pane"), "Changelog");
      await shot(mobile, `mobile-${theme}-thread`);
    }

    await mobile.evaluate(() => localStorage.setItem("clickclack.theme", "light"));
    await mobile.goto(`${server.url}/`);
    await shot(mobile, "mobile-light-site");
    await peter.evaluate(() => localStorage.setItem("clickclack.theme", "light"));
    await peter.goto(`${server.url}/`);
    await shot(peter, "desktop-light-site");
    await peter.evaluate(() => localStorage.setItem("clickclack.theme", "dark"));
    await peter.reload();
    await shot(peter, "desktop-dark-site");
    await mobile.close();
    for (const name of [
      "desktop-light-thread",
      "desktop-dark-channel",
      "mobile-light-drawer",
      "mobile-dark-thread",
    ])
      expect(existsSync(`${SCREENSHOTS}/${name}.png`)).toBe(true);
  });
});

/** A believable conversation for the screenshots: code, a list, a quote, reactions and a thread. */
async function seedConversation(channelId: string): Promise<void> {
  const { token: ariToken } = await call<{ token: string }>(
    server.url,
    "POST",
    "/api/auth/magic/consume",
    {
      token: await magicToken(),
    },
  );
  const post = (body: string, token?: string) =>
    call<{ message: { id: string } }>(
      server.url,
      "POST",
      `/api/channels/${channelId}/messages`,
      { body },
      token,
    );
  const reply = (root: string, body: string, token?: string) =>
    call(server.url, "POST", `/api/messages/${root}/thread/replies`, { body }, token);
  const react = (id: string, emoji: string, token?: string) =>
    call(server.url, "POST", `/api/messages/${id}/reactions`, { emoji }, token);

  await post("Morning! Standup notes are in the doc, two things need eyes today.");
  const checklist = await post(
    "**Release checklist** for 0.4 🦞\n- migrations reviewed\n- web bundle under budget\n- changelog drafted",
  );
  await reply(checklist.message.id, "Changelog drafted, link in the release PR.", ariToken);
  await reply(
    checklist.message.id,
    "Bundle is at ~40 KB gzipped, well under the 150 KB budget.",
    ariToken,
  );
  await reply(checklist.message.id, "Perfect. Shipping after lunch.");
  await react(checklist.message.id, "🦞", ariToken);
  await react(checklist.message.id, "🎉");
  const q = await post(
    "> Realtime that recovers\nTested it by restarting the server mid-conversation. Nothing lost.",
    ariToken,
  );
  await react(q.message.id, "🌊");
  await post("How do I point the bot at staging?", ariToken);
  await post(
    "Set the base URL when you build the client:\n```ts\nconst client = new ClickClackClient({ baseUrl: process.env.CC_URL, token });\n```",
  );
}
