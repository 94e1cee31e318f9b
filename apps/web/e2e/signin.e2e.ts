// Sign-in on a real install: an owner is bootstrapped (which turns the dev fallback off), so a fresh
// browser gets the sign-in page, signs in by pasting a magic token, and can sign out again.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { seen, shot, tokenFrom, waitText, WAIT_MS } from "./helpers";
import { startServer, type RunningServer } from "./server";

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  await server.cli(["admin", "bootstrap", "--name", "Marina", "--email", "marina@example.com"]);
  browser = await launch();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.destroy();
});

const magicToken = async () =>
  tokenFrom(await server.cli(["admin", "magic-link", "create", "--email", "marina@example.com"]));

describe("signing in and out", () => {
  it("shows the sign-in page without a session", async () => {
    await page.goto(`${server.url}/app`);
    expect(await seen(page.getByRole("heading", { name: "Sign in to ClickClack" }))).toBe(true);
    await shot(page, "desktop-light-signin");
  });

  it("rejects a bad token with a readable message", async () => {
    await page.getByLabel("Magic token").fill("not-a-real-token");
    await page.getByRole("button", { name: "Sign in" }).click();
    expect(await waitText(page.getByRole("alert"), "didn't work")).toMatch(/expired/);
  });

  it("signs in with a pasted token and opens the owner's workspace", async () => {
    // People paste whatever the admin forwarded: here the CLI's whole "sign-in link" line.
    const output = await server.cli([
      "admin",
      "magic-link",
      "create",
      "--email",
      "marina@example.com",
    ]);
    const linkLine =
      output.split("\n").find((line) => line.includes("token=")) ?? (await magicToken());
    await page.getByLabel("Magic token").fill(linkLine);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/app\/w\/[^/]+\/c\/[^/]+$/, { timeout: WAIT_MS });
    expect(await waitText(page.locator("h1"), "general")).toBe("#general");
    expect(await seen(page.getByText("No messages yet. The reef is quiet."))).toBe(true);
    await shot(page, "desktop-light-empty-channel");
  });

  it("signs out back to the sign-in page, and the old session stays dead", async () => {
    await page.getByTestId("sign-out").click();
    expect(await seen(page.getByRole("heading", { name: "Sign in to ClickClack" }))).toBe(true);
    // A fresh load (not a reload, which could race the sign-out's own navigation) stays signed out.
    await page.goto(`${server.url}/app`);
    expect(await seen(page.getByRole("heading", { name: "Sign in to ClickClack" }))).toBe(true);
    expect(page.url()).toContain("/app");
  });
});
