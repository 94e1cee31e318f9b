// Sign-in on a real install: an owner is bootstrapped (which turns the dev fallback off), so a fresh
// browser gets the sign-in page, signs in by pasting a magic token, and can sign out again. A link for
// another account asks before switching (login CSRF), and the browser never sees its session's secret.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, seen, shot, tokenFrom, waitText, WAIT_MS } from "./helpers";
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

describe("a sign-in link for another account", () => {
  const linkFor = async (email: string) =>
    tokenFrom(await server.cli(["admin", "magic-link", "create", "--email", email]));
  const whoAmI = () =>
    page.evaluate(async () => {
      const r = await fetch("/api/me");
      return ((await r.json()) as { user: { display_name: string } }).user.display_name;
    });

  it("signs in by itself when nobody is signed in, with the session only in the cookie", async () => {
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/auth/magic/consume"));
    await page.goto(`${server.url}/app/login?token=${await linkFor("marina@example.com")}`);
    const body = await (await answer).text();
    await page.waitForURL(/\/app\/w\//, { timeout: WAIT_MS });
    expect(await whoAmI()).toBe("Marina");
    const cookie = (await browser.context.cookies()).find((c) => c.name === "cc_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(body).not.toContain(cookie.value);
    expect(body).not.toContain('"token"');
  });

  it("says whose link it is and keeps the current account unless asked to switch", async () => {
    await server.cli([
      "admin",
      "user",
      "create",
      "--name",
      "BobMember",
      "--email",
      "bob@example.com",
    ]);
    const token = await linkFor("bob@example.com");
    await page.goto(`${server.url}/app/login?token=${token}`);
    expect(await waitText(page.getByTestId("switch-question"), "BobMember")).toBe(
      "This link signs you in as BobMember (bob@example.com). You are signed in as Marina. Switch?",
    );
    await shot(page, "desktop-light-signin-switch");
    await page.getByRole("button", { name: "Stay signed in" }).click();
    await page.waitForURL(/\/app\/w\//, { timeout: WAIT_MS });
    expect(await whoAmI()).toBe("Marina");
    // Staying did not use the link up: opening it again still offers the switch, which now happens.
    const still = await call<{ display_name: string }>(
      server.url,
      "POST",
      "/api/auth/magic/inspect",
      {
        token,
      },
    );
    expect(still.display_name).toBe("BobMember");
    await page.goto(`${server.url}/app/login?token=${token}`);
    await page.getByRole("button", { name: "Switch to BobMember" }).click();
    await page.waitForURL(/\/app(\/|$)/, { timeout: WAIT_MS });
    await page.waitForFunction(
      async () => {
        const r = await fetch("/api/me");
        return (
          r.ok &&
          ((await r.json()) as { user: { display_name: string } }).user.display_name === "BobMember"
        );
      },
      undefined,
      { timeout: WAIT_MS },
    );
    expect(await whoAmI()).toBe("BobMember");
  });
});
