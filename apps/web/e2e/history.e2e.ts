// A channel with thousands of messages: the app opens on the newest page, loads older pages as the
// reader scrolls up without moving what they are looking at, and reaches the very first message.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, composer, row, seen, WAIT_MS } from "./helpers";
import { startServer, type RunningServer } from "./server";

const MESSAGES = 2000;
const CONCURRENCY = 16;

let server: RunningServer;
let browser: Browser;
let page: Page;
let channelUrl: string;

beforeAll(async () => {
  server = await startServer({ dev: true });
  const { workspaces } = await call<{ workspaces: { id: string }[] }>(
    server.url,
    "GET",
    "/api/workspaces",
  );
  const workspaceId = workspaces[0]!.id;
  const { channel } = await call<{ channel: { id: string } }>(
    server.url,
    "POST",
    `/api/workspaces/${workspaceId}/channels`,
    { name: "history" },
  );
  // Posted in order, a few at a time: channel_seq then matches the number in the text.
  let next = 1;
  const worker = async () => {
    for (let n = next++; n <= MESSAGES; n = next++) {
      await call(server.url, "POST", `/api/channels/${channel.id}/messages`, {
        body: `History line ${n}`,
        nonce: `history-${n}`,
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  channelUrl = `${server.url}/app/w/${workspaceId}/c/${channel.id}`;
  browser = await launch();
  page = await browser.context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.destroy();
});

/** The first message row and where its bottom edge (the end of its text) sits on screen. */
function firstRow(p: Page) {
  return p.evaluate(() => {
    const scroller = document.querySelector('[data-testid="timeline"]')!;
    const el = scroller.querySelector('[data-testid="message"]')!;
    const onScreen = el.getBoundingClientRect().bottom - scroller.getBoundingClientRect().top;
    return { id: el.getAttribute("data-id")!, onScreen };
  });
}

/** Where a row's bottom edge sits relative to the top of the timeline's visible area. */
function onScreen(p: Page, id: string) {
  return p.evaluate((rowId) => {
    const scroller = document.querySelector('[data-testid="timeline"]')!;
    const el = scroller.querySelector(`[data-id="${rowId}"]`)!;
    return el.getBoundingClientRect().bottom - scroller.getBoundingClientRect().top;
  }, id);
}

function rowCount(p: Page) {
  return p.locator('[data-testid="timeline"] [data-testid="message"]').count();
}

describe("long history", () => {
  it("opens at the newest message", async () => {
    await page.goto(channelUrl);
    const newest = row(page, "History line 2000");
    expect(await seen(newest)).toBe(true);
    const box = await newest.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(800);
    expect(await rowCount(page)).toBeLessThan(MESSAGES);
  });

  it("loads older pages on scroll-up while keeping the reader's place", async () => {
    // Hold each older page at the network until the reader has seen the top of what is loaded, so the
    // test can note where the first message sits before the page lands above it.
    let release: () => void = () => {};
    await page.route(/before_seq=/, async (route) => {
      await new Promise<void>((done) => (release = done));
      await route.continue();
    });
    let pagesLoaded = 0;
    for (;;) {
      const before = await rowCount(page);
      await page.getByTestId("timeline").evaluate((el) => (el.scrollTop = 0));
      await page.waitForTimeout(150);
      const anchor = await firstRow(page);
      release();
      const grew = await page
        .waitForFunction(
          (n) =>
            document.querySelectorAll('[data-testid="timeline"] [data-testid="message"]').length >
            n,
          before,
          { timeout: 3000 },
        )
        .then(
          () => true,
          () => false,
        );
      if (!grew) break;
      pagesLoaded++;
      await page.waitForTimeout(150);
      // The message the reader was looking at has not moved, though a page landed above it.
      const drift = Math.abs((await onScreen(page, anchor.id)) - anchor.onScreen);
      expect(drift, `page ${pagesLoaded} of history`).toBeLessThan(2);
    }
    await page.unroute(/before_seq=/);
    expect(pagesLoaded).toBeGreaterThan(10);
    expect(await rowCount(page)).toBe(MESSAGES);
    expect(await seen(page.getByText("Welcome to #history"))).toBe(true);
    expect(await seen(row(page, "History line 1"), WAIT_MS)).toBe(true);
  });

  it("still follows new messages with every message of the channel on screen", async () => {
    await page.getByTestId("timeline").evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForTimeout(200);
    const box = await composer(page, "Message #history");
    await box.fill("Line 2001, live");
    // Measured in the page, for the report only: the time from Enter to the row on screen.
    const appendMs = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          const start = performance.now();
          const input = document.querySelector('textarea[aria-label="Message #history"]')!;
          input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
          const check = () => {
            const rows = document.querySelectorAll(
              '[data-testid="timeline"] [data-testid="message"]',
            );
            if (rows[rows.length - 1]?.textContent?.includes("Line 2001"))
              done(performance.now() - start);
            else requestAnimationFrame(check);
          };
          check();
        }),
    );
    console.info(
      `sent with ${MESSAGES} messages on screen: on screen after ${appendMs.toFixed(0)} ms`,
    );
    const latest = row(page, "Line 2001, live");
    expect(await seen(latest)).toBe(true);
    const shown = await latest.boundingBox();
    expect(shown!.y + shown!.height).toBeLessThanOrEqual(800);
    expect(await rowCount(page)).toBe(MESSAGES + 1);
  });
});
