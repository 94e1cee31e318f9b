// The security headers seen by a real browser (issue 15, item 7): the app works under its own
// Content-Security-Policy without a single violation, and a page on another origin cannot frame it
// (clickjacking) — while the same page frames an ordinary page of its own just fine.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { launch, type Browser } from "./browser";
import { composer, WAIT_MS } from "./helpers";
import { startServer, type RunningServer } from "./server";

let server: RunningServer;
let browser: Browser;
let attacker: Server;
let attackerUrl: string;

beforeAll(async () => {
  server = await startServer({ dev: true });
  attacker = createServer((req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    if (req.url === "/inner") {
      res.end(`<!doctype html><p id="inner">an ordinary page</p>`);
      return;
    }
    res.end(
      `<!doctype html><title>Win a prize</title>` +
        `<iframe id="victim" src="${server.url}/app"></iframe>` +
        `<iframe id="control" src="/inner"></iframe>`,
    );
  });
  await new Promise<void>((done) => attacker.listen(0, "127.0.0.1", done));
  // "localhost" and another port: a different origin from the server's http://127.0.0.1:PORT.
  attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (attacker ? attacker.close(() => done()) : done()));
  await server?.destroy();
});

describe("security headers in the browser", () => {
  it("runs the app under its Content-Security-Policy without a violation", async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (e) =>
        seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
    });
    const response = await page.goto(`${server.url}/app`);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    // The composer only appears once the app's script ran, fetched over the API and opened its socket.
    await composer(page, /Message #general/);
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    expect(violations).toEqual([]);
    await page.close();
  });

  it("shows the product site under the same policy without a violation", async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (e) =>
        seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
    });
    const response = await page.goto(`${server.url}/`);
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await page.waitForLoadState("load");
    await page.getByRole("link", { name: "Open the app" }).first().waitFor({ timeout: WAIT_MS });
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    expect(violations).toEqual([]);
    await page.close();
  });

  it("refuses to be framed by a page on another origin", async () => {
    const page = await browser.context.newPage();
    await page.goto(attackerUrl);
    const control = page.frameLocator("#control");
    await control.locator("#inner").waitFor({ timeout: WAIT_MS });
    const victim = page
      .frames()
      .find((f) => f.url().startsWith(server.url) || f.url().startsWith("chrome-error:"));
    const frame =
      victim ?? page.frames().find((f) => f !== page.mainFrame() && !f.url().endsWith("/inner"));
    expect(frame).toBeDefined();
    await frame!.waitForLoadState("load", { timeout: WAIT_MS });
    // A blocked frame shows the browser's error page: none of the app's markup is there.
    expect(await frame!.locator("#app").count()).toBe(0);
    expect(
      await page
        .frameLocator("#victim")
        .getByText(/general/)
        .count(),
    ).toBe(0);
    await page.close();
  });
});
