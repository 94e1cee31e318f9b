// The product site as a visitor meets it: it claims only what ships (the rest is under "Coming next"), and
// every link it has leads somewhere this server serves — the docs included — not to an external domain.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { shot } from "./helpers";
import { startServer, type RunningServer } from "./server";

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.destroy();
});

describe("the product site", () => {
  it("lists what is not built yet under Coming next, not as shipped", async () => {
    await page.goto(`${server.url}/`);
    const shipped = await page.locator("ul.box:not(.coming) li b").allTextContents();
    const coming = await page.locator("ul.box.coming li b").allTextContents();
    for (const ships of [
      "Threads",
      "Search",
      "Direct messages",
      "Notifications",
      "Backups",
      "Slack import",
      "Uploads",
      "Avatars",
      "Channels",
      "Integrations",
      "Chat CLI",
    ])
      expect(shipped).toContain(ships);
    expect(coming).not.toContain("Uploads");
    expect(coming).not.toContain("Avatars");
    for (const notYet of ["Postgres"]) {
      expect(shipped).not.toContain(notYet);
      expect(coming).toContain(notYet);
    }
    await shot(page, "site-box");
  });

  it("links only to pages this server serves, and the docs pages render", async () => {
    await page.goto(`${server.url}/`);
    const hrefs = await page.locator("a[href]").evaluateAll((links) =>
      links.map((a) => a.getAttribute("href") ?? ""),
    );
    const external = hrefs.filter((h) => /^https?:/.test(h));
    expect(external).toEqual([]);
    const docs = [...new Set(hrefs.filter((h) => h.startsWith("/docs")))];
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const href of docs) {
      const response = await fetch(`${server.url}${href}`);
      expect(response.status, href).toBe(200);
    }
    await page.goto(`${server.url}/docs/configuration`);
    expect(await page.locator("main h1").textContent()).toMatch(/Configuration/);
    expect(await page.locator("main table").count()).toBeGreaterThan(0);
    await shot(page, "docs-configuration");
  });
});
