// The Integrations dialog (issue 14's web side) in real browsers: Peter (the --dev fallback user, the
// workspace owner) creates a bot there, copies the token it shows once, and the token really posts; a second
// token is issued and the first revoked (it answers 401 from then on). He creates an incoming webhook for
// #general: the URL it shows once posts a message he sees live; Rotate gives a new URL and the old one
// stops; Revoke stops it for good. Ari, a member, has no Integrations button. Screenshots in both themes.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, composer, gone, row, seen, shot, tokenFrom, WAIT_MS } from "./helpers";
import { startServer, type RunningServer } from "./server";

const GENERAL = /Message #general/;

let server: RunningServer;
let peterBrowser: Browser;
let peter: Page;
let generalId: string;
let generalUrl: string;
let workspaceId: string;

beforeAll(async () => {
  server = await startServer({ dev: true });
  await call(server.url, "PATCH", "/api/me", { display_name: "Peter", handle: "peter" });
  workspaceId = (await call<{ workspaces: { id: string }[] }>(server.url, "GET", "/api/workspaces"))
    .workspaces[0]!.id;
  generalId = (
    await call<{ channels: { id: string; name: string }[] }>(
      server.url,
      "GET",
      `/api/workspaces/${workspaceId}/channels`,
    )
  ).channels.find((c) => c.name === "general")!.id;
  generalUrl = `${server.url}/app/w/${workspaceId}/c/${generalId}`;
  peterBrowser = await launch();
  peter = await peterBrowser.context.newPage();
  await peter.goto(generalUrl);
  await composer(peter, GENERAL);
});

afterAll(async () => {
  await peterBrowser?.close();
  await server?.destroy();
});

const dialog = () => peter.getByTestId("integrations-dialog");

async function openIntegrations(tab: "Bots" | "Incoming webhooks"): Promise<void> {
  if (!(await dialog().isVisible())) {
    await peter.getByTestId("integrations").click();
    await dialog().waitFor({ timeout: WAIT_MS });
  }
  await dialog().getByRole("tab", { name: tab }).click();
}

/** Posts as a bot token; answers the HTTP status. */
async function postAs(token: string, body: string): Promise<number> {
  const res = await fetch(`${server.url}/api/channels/${generalId}/messages`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ body }),
  });
  return res.status;
}

async function hook(url: string, text: string): Promise<number> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
  });
  return res.status;
}

describe("bots in the Integrations dialog", () => {
  it("creates a bot whose token, shown once, really posts", async () => {
    await openIntegrations("Bots");
    await dialog().getByRole("textbox", { name: "Bot name" }).fill("Deploy bot");
    await dialog().getByRole("button", { name: "Create bot" }).click();
    const field = dialog().getByTestId("bot-token");
    expect(await seen(field)).toBe(true);
    const token = await field.inputValue();
    expect(token).toMatch(/^ccb_/);
    await shot(peter, "desktop-light-integrations-bot");

    expect(await postAs(token, "deployed from the dialog's token")).toBe(201);
    const posted = row(peter, "deployed from the dialog's token");
    expect(await seen(posted)).toBe(true);
    expect(await posted.textContent()).toContain("Deploy bot");
  });

  it("issues a second token and revokes the first, which then answers 401", async () => {
    const bot = dialog().getByTestId("bot").filter({ hasText: "Deploy bot" });
    const first = await dialog().getByTestId("bot-token").inputValue();
    await bot.getByRole("button", { name: "New token" }).click();
    await peter.waitForFunction(
      (old) =>
        (document.querySelector('[data-testid="bot-token"]') as HTMLInputElement | null)?.value !==
        old,
      first,
      { timeout: WAIT_MS },
    );
    const second = await dialog().getByTestId("bot-token").inputValue();
    expect(second).toMatch(/^ccb_/);
    // The token shows before the list is refetched: wait for its second row.
    await bot.getByTestId("bot-token-row").nth(1).waitFor({ timeout: WAIT_MS });
    expect(await bot.getByTestId("bot-token-row").count()).toBe(2);

    // The list is newest first: the second row is the first token.
    await bot.getByTestId("bot-token-row").nth(1).getByRole("button", { name: "Revoke" }).click();
    await peter.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="bot-token-row"]')].some((r) =>
          r.textContent?.includes("revoked"),
        ),
      undefined,
      { timeout: WAIT_MS },
    );
    expect(await postAs(first, "from a revoked token")).toBe(401);
    expect(await postAs(second, "from the new token")).toBe(201);
    expect(await seen(row(peter, "from the new token"))).toBe(true);
  });
});

describe("incoming webhooks in the Integrations dialog", () => {
  it("creates a webhook whose URL, shown once, posts live; rotate and revoke stop the old URLs", async () => {
    await openIntegrations("Incoming webhooks");
    await dialog().getByRole("textbox", { name: "Name" }).fill("CI");
    await dialog().getByRole("combobox", { name: "Posts to" }).selectOption({ label: "#general" });
    await dialog().getByRole("button", { name: "Create webhook" }).click();
    const field = dialog().getByTestId("webhook-url");
    expect(await seen(field)).toBe(true);
    const url = await field.inputValue();
    expect(url.startsWith(`${server.url}/hooks/`)).toBe(true);
    expect(await dialog().getByTestId("webhook").first().textContent()).toContain("CI → #general");
    await shot(peter, "desktop-light-integrations-webhook");

    expect(await hook(url, "build 41 is green")).toBe(200);
    expect(await seen(row(peter, "build 41 is green"))).toBe(true);

    await dialog().getByTestId("webhook").first().getByRole("button", { name: "Rotate" }).click();
    await peter.waitForFunction(
      (old) =>
        (document.querySelector('[data-testid="webhook-url"]') as HTMLInputElement | null)
          ?.value !== old,
      url,
      { timeout: WAIT_MS },
    );
    const rotated = await dialog().getByTestId("webhook-url").inputValue();
    expect(await hook(url, "from the old URL")).toBe(404);
    expect(await hook(rotated, "build 42 is green")).toBe(200);
    expect(await seen(row(peter, "build 42 is green"))).toBe(true);

    await dialog().getByTestId("webhook").first().getByRole("button", { name: "Revoke" }).click();
    await peter.waitForFunction(
      () => document.querySelector('[data-testid="webhook"]')?.textContent?.includes("revoked"),
      undefined,
      { timeout: WAIT_MS },
    );
    expect(await dialog().getByTestId("webhook-url").count()).toBe(0);
    expect(await hook(rotated, "after revoke")).toBe(404);
    await peter.keyboard.press("Escape");
    expect(await gone(dialog())).toBe(true);
  });
});

describe("who sees the Integrations button", () => {
  it("is not offered to a member", async () => {
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
    const ariBrowser = await launch();
    try {
      const ari = await ariBrowser.context.newPage();
      const link = await server.cli([
        "admin",
        "magic-link",
        "create",
        "--email",
        "ari@example.com",
      ]);
      await ari.goto(`${server.url}/app/login?token=${encodeURIComponent(tokenFrom(link))}`);
      await composer(ari, GENERAL);
      expect(await ari.getByTestId("integrations").count()).toBe(0);
      expect(await peter.getByTestId("integrations").count()).toBe(1);
    } finally {
      await ariBrowser.close();
    }
  });
});

describe("screenshots", () => {
  it("captures the dialog in light and dark", async () => {
    for (const theme of ["light", "dark"] as const) {
      await peter.evaluate((t) => localStorage.setItem("clickclack.theme", t), theme);
      await peter.reload();
      await composer(peter, GENERAL);
      await openIntegrations("Bots");
      expect(await seen(dialog().getByTestId("bot"))).toBe(true);
      // The webhook's own bot says whose it is.
      expect(await dialog().getByTestId("bot").filter({ hasText: "webhook “CI”" }).count()).toBe(1);
      await shot(peter, `desktop-${theme}-integrations`);
      await peter.keyboard.press("Escape");
      await gone(dialog());
    }
  });
});
