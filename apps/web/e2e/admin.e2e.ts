// Workspace administration (issue 11) in real browsers: Peter (the --dev fallback user, the workspace's
// owner) and Ari (created with `admin user create`, signed in with a magic link in her own browser).
// Peter makes Ari a moderator in the workspace settings and the badge appears in her window; he takes her
// out of a channel from its members panel and it leaves her sidebar; Ari's "Mentions only" and "Muted"
// keep the unread dot away while a mention still shows its badge; Peter renames the workspace and gives
// it an icon, and Ari's sidebar and rail follow live; Peter deletes a second workspace after typing its
// slug, and Ari, who had it open, is told it was deleted. Screenshots of the settings dialog and the
// members panel in both themes.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, composer, gone, seen, send, shot, tokenFrom, waitText, WAIT_MS } from "./helpers";
import { startServer, type RunningServer } from "./server";

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
let ariId: string;
let ariHandle: string;

const GENERAL = /Message #general/;

async function createChannel(name: string): Promise<Channel> {
  return (
    await call<{ channel: Channel }>(
      server.url,
      "POST",
      `/api/workspaces/${workspaceId}/channels`,
      { name },
    )
  ).channel;
}

async function addAri(channel: Channel): Promise<void> {
  await call(server.url, "POST", `/api/channels/${channel.id}/members`, { user_id: ariId });
}

async function post(channel: Channel, body: string): Promise<void> {
  await call(server.url, "POST", `/api/channels/${channel.id}/messages`, { body });
}

const sidebar = (page: Page) => page.getByRole("navigation", { name: "Channels" });
const channelLink = (page: Page, name: string): Locator =>
  sidebar(page).getByRole("link", { name: new RegExp(`^${name}\\b`) });

const ariRow = (page: Page) => page.getByTestId("person").filter({ hasText: "Ari" });
const unread = (link: Locator) => link.getByText("(unread)");

async function openSettings(page: Page): Promise<Locator> {
  await page.getByTestId("workspace-settings").click();
  const dialog = page.getByTestId("workspace-settings-dialog");
  await dialog.waitFor({ timeout: WAIT_MS });
  return dialog;
}

async function channelMenu(page: Page, name: string): Promise<void> {
  await sidebar(page)
    .getByRole("button", { name: `Channel options for #${name}` })
    .click();
}

beforeAll(async () => {
  server = await startServer({ dev: true });
  await call(server.url, "PATCH", "/api/me", { display_name: "Peter", handle: "peter" });
  workspaceId = (await call<{ workspaces: { id: string }[] }>(server.url, "GET", "/api/workspaces"))
    .workspaces[0]!.id;
  general = (
    await call<{ channels: Channel[] }>(
      server.url,
      "GET",
      `/api/workspaces/${workspaceId}/channels`,
    )
  ).channels.find((c) => c.name === "general")!;
  ariId = (
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
    ])
  ).trim();
  const { members } = await call<{ members: { user: { id: string; handle: string } }[] }>(
    server.url,
    "GET",
    `/api/workspaces/${workspaceId}/members`,
  );
  ariHandle = members.find((m) => m.user.id === ariId)!.user.handle;
  peterBrowser = await launch();
  ariBrowser = await launch();
  peter = await peterBrowser.context.newPage();
  ari = await ariBrowser.context.newPage();
  const link = await server.cli(["admin", "magic-link", "create", "--email", "ari@example.com"]);
  await ari.goto(`${server.url}/app/login?token=${encodeURIComponent(tokenFrom(link))}`);
  await composer(ari, GENERAL);
  await peter.goto(`${server.url}/app/w/${workspaceId}/c/${general.id}`);
  await composer(peter, GENERAL);
});

afterAll(async () => {
  await peterBrowser?.close();
  await ariBrowser?.close();
  await server?.destroy();
});

describe("roles", () => {
  it("Peter makes Ari a moderator and the badge appears in her window", async () => {
    expect(await ariRow(ari).getByTestId("role-badge").count()).toBe(0);
    expect(
      await waitText(
        peter.getByTestId("person").filter({ hasText: "Peter" }).getByTestId("role-badge"),
        "owner",
      ),
    ).toBe("owner");

    const dialog = await openSettings(peter);
    await dialog.getByLabel("Role of Ari").selectOption("moderator");

    expect(await waitText(ariRow(ari).getByTestId("role-badge"), "moderator")).toBe("moderator");
    expect(await waitText(ariRow(peter).getByTestId("role-badge"), "moderator")).toBe("moderator");
    await dialog.getByRole("button", { name: "Done" }).click();
    // her own header says so, and she may now open the settings herself
    expect(await seen(ari.getByTestId("workspace-settings"))).toBe(true);
    // the person card shows it too
    await ariRow(peter).getByRole("button").click();
    expect(
      await waitText(peter.getByTestId("person-popover").getByTestId("role-badge"), "moderator"),
    ).toBe("moderator");
    await peter.keyboard.press("Escape");
  });
});

describe("channel members", () => {
  it("Peter removes Ari from a channel from its members panel, and it leaves her sidebar", async () => {
    const ops = await createChannel("reef-ops");
    await addAri(ops);
    expect(await seen(channelLink(ari, "reef-ops"))).toBe(true);

    await channelMenu(peter, "reef-ops");
    await peter.getByRole("menuitem", { name: "Members" }).click();
    const panel = peter.getByTestId("channel-members");
    expect(await waitText(panel, "Ari")).toContain("2 members");
    await panel.getByRole("button", { name: "Remove Ari from #reef-ops" }).click();

    expect(await waitText(panel, "1 member")).toContain("1 member");
    expect(await panel.getByTestId("channel-member").filter({ hasText: "Ari" }).count()).toBe(0);
    expect(await gone(channelLink(ari, "reef-ops"))).toBe(true);
    await panel.getByRole("button", { name: "Done" }).click();
  });
});

describe("notification preference", () => {
  it("mentions-only and muted channels show no unread dot, but a mention still shows its badge", async () => {
    const talk = await createChannel("reef-talk");
    const sentinel = await createChannel("reef-sentinel");
    await addAri(talk);
    await addAri(sentinel);
    const talkLink = channelLink(ari, "reef-talk");
    await talkLink.waitFor({ timeout: WAIT_MS });

    // "All messages" (the default): a plain message makes the channel unread
    await post(talk, "plain chatter");
    expect(await seen(unread(talkLink))).toBe(true);
    await talkLink.click();
    await composer(ari, /Message #reef-talk/);
    await channelLink(ari, "general").click();
    await composer(ari, GENERAL);

    await channelMenu(ari, "reef-talk");
    await ari.getByRole("menuitemradio", { name: "Mentions only" }).click();
    expect(await waitText(talkLink, "@")).toContain("reef-talk");
    await post(talk, "more plain chatter");
    await post(sentinel, "sentinel one");
    // the sentinel channel (All messages) turns unread: the event for reef-talk has come and gone too
    expect(await seen(unread(channelLink(ari, "reef-sentinel")))).toBe(true);
    expect(await unread(talkLink).count()).toBe(0);
    await post(talk, `@${ariHandle} a question for you`);
    expect(await waitText(talkLink.getByTestId("mention-badge"), "1")).toContain("1");
    await shot(ari, "desktop-light-mentions-only-badge");

    await talkLink.click();
    await composer(ari, /Message #reef-talk/);
    await channelLink(ari, "general").click();
    await composer(ari, GENERAL);
    await channelMenu(ari, "reef-talk");
    await ari.getByRole("menuitemradio", { name: "Muted" }).click();
    expect(await waitText(talkLink, "muted")).toContain("muted");
    // read the sentinel first, so its next unread dot is news
    await channelLink(ari, "reef-sentinel").click();
    await composer(ari, /Message #reef-sentinel/);
    await channelLink(ari, "general").click();
    await composer(ari, GENERAL);
    expect(await gone(unread(channelLink(ari, "reef-sentinel")))).toBe(true);
    await post(talk, "muted chatter");
    await post(sentinel, "sentinel two");
    expect(await seen(unread(channelLink(ari, "reef-sentinel")))).toBe(true);
    expect(await unread(talkLink).count()).toBe(0);
    expect(await talkLink.getByTestId("mention-badge").count()).toBe(0);
    await post(talk, `@${ariHandle} even when muted`);
    expect(await waitText(talkLink.getByTestId("mention-badge"), "1")).toContain("1");
  });
});

describe("workspace settings", () => {
  it("Peter renames the workspace and gives it an icon; Ari's sidebar and rail follow live", async () => {
    const dialog = await openSettings(peter);
    await dialog.getByLabel("Name").fill("Renamed Reef");
    await dialog.getByLabel("Icon").fill("🦞");
    await dialog.getByRole("button", { name: "Save" }).click();
    expect(await waitText(dialog.getByRole("status"), "Saved")).toContain("Saved");

    expect(await waitText(sidebar(ari).locator("h2"), "Renamed Reef")).toBe("Renamed Reef");
    const rail = ari
      .getByRole("navigation", { name: "Workspaces" })
      .getByRole("link", { name: "Renamed Reef" });
    expect(await waitText(rail, "🦞")).toBe("🦞");
    expect(await waitText(sidebar(peter).locator("h2"), "Renamed Reef")).toBe("Renamed Reef");
    await dialog.getByRole("button", { name: "Done" }).click();
  });

  it("captures the settings dialog and the members panel, light and dark", async () => {
    for (const theme of ["light", "dark"] as const) {
      await peter.evaluate((t) => localStorage.setItem("clickclack.theme", t), theme);
      await peter.goto(`${server.url}/app/w/${workspaceId}/c/${general.id}`);
      await composer(peter, GENERAL);
      const dialog = await openSettings(peter);
      await dialog.getByTestId("settings-member").first().waitFor({ timeout: WAIT_MS });
      expect(await dialog.getByTestId("settings-member").count()).toBe(2);
      await shot(peter, `desktop-${theme}-workspace-settings`);
      await dialog.getByRole("button", { name: "Done" }).click();
      await channelMenu(peter, "reef-talk");
      await peter.getByRole("menuitem", { name: "Members" }).click();
      await waitText(peter.getByTestId("channel-members"), "Ari");
      await shot(peter, `desktop-${theme}-channel-members`);
      await peter.getByTestId("channel-members").getByRole("button", { name: "Done" }).click();
      await channelMenu(peter, "reef-talk");
      await shot(peter, `desktop-${theme}-channel-menu`);
      await peter.keyboard.press("Escape");
    }
    await peter.evaluate(() => localStorage.setItem("clickclack.theme", "light"));
  });

  it("Peter deletes a workspace after typing its slug; Ari, who had it open, is told it was deleted", async () => {
    const doomed = await call<{ workspace: { id: string; slug: string }; channel: Channel }>(
      server.url,
      "POST",
      "/api/workspaces",
      { name: "Doomed Reef" },
    );
    await server.cli([
      "admin",
      "user",
      "create",
      "--name",
      "Ari",
      "--email",
      "ari@example.com",
      "--workspace",
      doomed.workspace.id,
    ]);
    const doomedUrl = `${server.url}/app/w/${doomed.workspace.id}/c/${doomed.channel.id}`;
    await ari.goto(doomedUrl);
    await composer(ari, GENERAL);
    await peter.goto(doomedUrl);
    await composer(peter, GENERAL);
    await send(ari, GENERAL, "is anyone here?");

    const dialog = await openSettings(peter);
    const remove = dialog.getByRole("button", { name: "Delete workspace" });
    expect(await remove.isDisabled()).toBe(true);
    await dialog.getByLabel(/to confirm/).fill("doomed");
    expect(await remove.isDisabled()).toBe(true);
    await dialog.getByLabel(/to confirm/).fill(doomed.workspace.slug);
    await shot(peter, "desktop-light-delete-workspace");
    await remove.click();

    expect(await waitText(ari.getByTestId("workspace-notice"), "deleted")).toContain(
      "This workspace was deleted.",
    );
    expect(await waitText(peter.getByTestId("workspace-notice"), "deleted")).toContain("deleted");
    for (const page of [peter, ari]) {
      const rail = page.getByRole("navigation", { name: "Workspaces" });
      expect(await gone(rail.getByRole("link", { name: "Doomed Reef" }))).toBe(true);
      expect(await seen(rail.getByRole("link", { name: "Renamed Reef" }))).toBe(true);
    }
    await shot(ari, "desktop-light-workspace-deleted");
    const left = await call<{ workspaces: { id: string }[] }>(server.url, "GET", "/api/workspaces");
    expect(left.workspaces.map((w) => w.id)).not.toContain(doomed.workspace.id);
  });
});
