// "Sign in with GitHub" in a real browser: the button shows only on a server with GitHub configured; a
// newcomer with an invite goes to GitHub (a local stand-in), comes back to the invite signed in, joins
// and lands in #general. A server without GitHub shows no button.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { seen, shot, tokenFrom, waitText, WAIT_MS } from "./helpers";
import { startGitHub, type GitHubStandIn } from "./github-standin";
import { startServer, type RunningServer } from "./server";

const CLIENT_ID = "Iv1.e2e";
const CLIENT_SECRET = "e2e-secret";

let github: GitHubStandIn;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  github = await startGitHub({ id: 4711, login: "hermit-crab", name: "Hermit Crab" }, CLIENT_ID, CLIENT_SECRET);
  server = await startServer({
    env: {
      CLICKCLACK_GITHUB_CLIENT_ID: CLIENT_ID,
      CLICKCLACK_GITHUB_CLIENT_SECRET: CLIENT_SECRET,
      CLICKCLACK_GITHUB_OAUTH_URL: github.url,
      CLICKCLACK_GITHUB_API_URL: `${github.url}/api`,
    },
  });
  await server.cli(["admin", "bootstrap", "--name", "Olive", "--email", "olive@reef.test", "--workspace", "Kelp Forest"]);
  browser = await launch();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.destroy();
  await github?.close();
});

describe("signing in with GitHub", () => {
  it("offers GitHub on the sign-in page, and no email form without SMTP", async () => {
    await page.goto(`${server.url}/app`);
    expect(await seen(page.getByTestId("github-sign-in"))).toBe(true);
    expect(await page.getByPlaceholder("you@example.com").count()).toBe(0);
    await shot(page, "desktop-light-signin-github");
  });

  it("takes an invitee to GitHub and back to the invite, signed in, then into #general", async () => {
    const invite = tokenFrom(await server.cli(["admin", "invite", "create", "--workspace", "Kelp Forest"]));
    await page.goto(`${server.url}/app/invite/${invite}`);
    expect(await waitText(page.getByTestId("invite-workspace"), "Kelp Forest")).toBe("Kelp Forest");

    await page.getByTestId("github-sign-in").click();

    await page.waitForURL(new RegExp(`/app/invite/${invite}$`), { timeout: WAIT_MS });
    expect(await waitText(page.getByTestId("invite-page"), "Hermit Crab")).toContain("Signed in as Hermit Crab");
    await page.getByTestId("join").click();
    await page.waitForURL(/\/app\/w\/[^/]+\/c\/[^/]+$/, { timeout: WAIT_MS });
    expect(await waitText(page.locator("h1"), "general")).toBe("#general");
    const cookies = await browser.context.cookies(server.url);
    expect(cookies.find((c) => c.name === "cc_session")?.httpOnly).toBe(true);
    expect(cookies.find((c) => c.name === "cc_github")).toBeUndefined();
  });
});
