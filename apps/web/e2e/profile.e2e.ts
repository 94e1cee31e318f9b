// Profiles and statuses (issue 10), in two real browsers: Peter (the --dev fallback user) edits his
// profile and status from the card at the foot of the sidebar; Ari, signed in with a magic link in her own
// browser, sees the status emoji appear, change and go beside his name and on his messages without a
// reload. Screenshots of the profile dialog in both themes are kept as artifacts.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, composer, gone, row, seen, send, shot, tokenFrom, WAIT_MS } from "./helpers";
import { startServer, type RunningServer } from "./server";

let server: RunningServer;
let peterBrowser: Browser;
let ariBrowser: Browser;
let peter: Page;
let ari: Page;
let generalUrl: string;

const GENERAL = /Message #general/;

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
  generalUrl = `${server.url}/app/w/${workspace.id}/c/${general.id}`;
  await server.cli([
    "admin",
    "user",
    "create",
    "--name",
    "Ari",
    "--email",
    "ari@example.com",
    "--workspace",
    workspace.id,
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

/** Peter's entry in Ari's member list. */
const peterOnAri = () => ari.getByTestId("person").filter({ hasText: "Peter" });

async function openProfile(): Promise<void> {
  await peter.getByTestId("me").click();
  await peter.getByTestId("profile-dialog").waitFor({ timeout: WAIT_MS });
}

async function save(): Promise<void> {
  const dialog = peter.getByTestId("profile-dialog");
  await dialog.getByRole("button", { name: "Save" }).click();
  expect(await gone(dialog)).toBe(true);
}

describe("a status set in one browser", () => {
  it("shows beside the name and on messages in the other browser, without a reload", async () => {
    const link = await server.cli(["admin", "magic-link", "create", "--email", "ari@example.com"]);
    await ari.goto(`${server.url}/app/login?token=${encodeURIComponent(tokenFrom(link))}`);
    await composer(ari, GENERAL);
    await peter.goto(generalUrl);
    await send(peter, GENERAL, "status check from Peter");
    await row(ari, "status check from Peter").waitFor({ timeout: WAIT_MS });
    expect(await peterOnAri().getByTestId("status-emoji").count()).toBe(0);
    // Marks Ari's page: a reload would drop it, so seeing it at the end proves there was none.
    await ari.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    await openProfile();
    await peter.getByRole("radio", { name: /Molting/ }).click();
    await peter.getByRole("combobox", { name: "Clear after" }).selectOption("1h");
    await save();

    const emoji = peterOnAri().getByTestId("status-emoji");
    expect(await seen(emoji)).toBe(true);
    expect(await emoji.textContent()).toBe("🦞");
    expect(await emoji.getAttribute("title")).toBe("🦞 Molting");
    const onMessage = row(ari, "status check from Peter").getByTestId("status-emoji");
    expect(await seen(onMessage)).toBe(true);
    expect(await onMessage.textContent()).toBe("🦞");
    expect(await peter.getByTestId("me-status").textContent()).toContain("Molting");
    expect(await ari.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  });

  it("changes to a custom status and a new name, then clears, live", async () => {
    await openProfile();
    await peter.getByRole("textbox", { name: "Display name" }).fill("Peter Pincer");
    await peter.getByRole("radio", { name: /Custom/ }).click();
    await peter.getByRole("textbox", { name: "Status emoji" }).fill("🦀");
    await peter.getByRole("textbox", { name: "Status text" }).fill("scuttling sideways");
    await save();

    const renamed = ari.getByTestId("person").filter({ hasText: "Peter Pincer" });
    expect(await seen(renamed.getByTestId("status-emoji"))).toBe(true);
    expect(await renamed.getByTestId("status-emoji").getAttribute("title")).toBe(
      "🦀 scuttling sideways",
    );
    const author = row(ari, "status check from Peter").locator(".author");
    await ari.waitForFunction(
      (el) => el?.textContent === "Peter Pincer",
      await author.elementHandle(),
      { timeout: WAIT_MS },
    );

    await openProfile();
    await peter.getByRole("radio", { name: "No status" }).click();
    await save();
    expect(await gone(renamed.getByTestId("status-emoji"))).toBe(true);
    expect(await row(ari, "status check from Peter").getByTestId("status-emoji").count()).toBe(0);
  });

  it("says so when the handle is taken, and keeps the dialog open", async () => {
    await openProfile();
    await peter.getByRole("textbox", { name: "Handle" }).fill("ari");
    await peter.getByTestId("profile-dialog").getByRole("button", { name: "Save" }).click();
    const alert = peter.getByTestId("profile-dialog").getByRole("alert");
    expect(await seen(alert)).toBe(true);
    expect(await alert.textContent()).toContain("taken");
    await peter.keyboard.press("Escape");
    expect(await gone(peter.getByTestId("profile-dialog"))).toBe(true);
    const me = await call<{ user: { handle: string } }>(server.url, "GET", "/api/me");
    expect(me.user.handle).toBe("peter");
  });
});

describe("screenshots", () => {
  it("captures the profile dialog in light and dark", async () => {
    for (const theme of ["light", "dark"] as const) {
      await peter.evaluate((t) => localStorage.setItem("clickclack.theme", t), theme);
      await peter.reload();
      await composer(peter, GENERAL);
      await openProfile();
      await peter.getByRole("radio", { name: /Custom/ }).click();
      await peter.getByRole("textbox", { name: "Status emoji" }).fill("🦀");
      await peter.getByRole("textbox", { name: "Status text" }).fill("reviewing the reef");
      await shot(peter, `desktop-${theme}-profile-dialog`);
      await peter.keyboard.press("Escape");
      await gone(peter.getByTestId("profile-dialog"));
    }
  });
});
