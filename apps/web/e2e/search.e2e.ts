// Search in the browser (issue 12): type in the top bar, see the matches with their words marked (and a
// message's markup shown as text), open a result far back in a long channel — the page around it loads,
// it is scrolled to and highlighted, and "Jump to latest" returns to the end — and open a thread reply
// from the results. The `in:#this-channel` offer narrows the search to the open channel.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, row, seen, shot, WAIT_MS } from "./helpers";
import { startServer, type RunningServer } from "./server";

const HISTORY = 300;
const TARGET = 20;

let server: RunningServer;
let browser: Browser;
let page: Page;
let generalUrl: string;

beforeAll(async () => {
  server = await startServer({ dev: true });
  const { workspaces } = await call<{ workspaces: { id: string }[] }>(
    server.url,
    "GET",
    "/api/workspaces",
  );
  const workspaceId = workspaces[0]!.id;
  const { channels } = await call<{ channels: { id: string; name: string }[] }>(
    server.url,
    "GET",
    `/api/workspaces/${workspaceId}/channels`,
  );
  const general = channels.find((c) => c.name === "general")!;
  generalUrl = `${server.url}/app/w/${workspaceId}/c/${general.id}`;
  const { channel } = await call<{ channel: { id: string } }>(
    server.url,
    "POST",
    `/api/workspaces/${workspaceId}/channels`,
    { name: "archive" },
  );
  // In order, so line n is channel_seq n; the target is far behind the newest page.
  for (let n = 1; n <= HISTORY; n++) {
    const body = n === TARGET ? `Line ${n}: the narwhal protocol` : `Line ${n} of the archive`;
    await call(server.url, "POST", `/api/channels/${channel.id}/messages`, { body });
  }
  await call(server.url, "POST", `/api/channels/${general.id}/messages`, {
    body: "<b>bold</b> walrus & <script>alert(1)</script>",
  });
  const root = await call<{ message: { id: string } }>(
    server.url,
    "POST",
    `/api/channels/${general.id}/messages`,
    { body: "Thread root about lunch" },
  );
  await call(server.url, "POST", `/api/messages/${root.message.id}/thread/replies`, {
    body: "the sunfish reply in the thread",
  });
  browser = await launch();
  page = await browser.context.newPage();
  await page.goto(generalUrl);
  await seen(row(page, "Thread root about lunch"));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.destroy();
});

async function search(text: string): Promise<void> {
  const input = page.getByRole("searchbox", { name: "Search messages" });
  await input.click();
  await input.fill(text);
  await input.press("Enter");
}

const results = () => page.getByTestId("search-result");

describe("search", () => {
  it("shows the matches with the words marked and a body's markup as text", async () => {
    await search("walrus");
    const result = results().first();
    await seen(result);
    expect(await results().count()).toBe(1);
    expect(await result.locator("mark").allTextContents()).toEqual(["walrus"]);
    expect(await result.textContent()).toContain("<b>bold</b> walrus & <script>alert(1)</script>");
    expect(await result.locator("b, script").count()).toBe(0);
    await shot(page, "search-results");
  });

  it("opens a result far back in a long channel, scrolled to and highlighted", async () => {
    await search("narwhal");
    await seen(results().filter({ hasText: "narwhal protocol" }));
    await results().first().click();

    await page.waitForURL(/\/c\/chn_/, { timeout: WAIT_MS });
    const target = row(page, "the narwhal protocol");
    await seen(target);
    await page.locator('[data-testid="message"][data-highlighted]').filter({ hasText: "narwhal" }).waitFor();
    const box = (await target.boundingBox())!;
    const view = (await page.getByTestId("timeline").boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(view.y);
    expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height);
    expect(await page.getByTestId("search-results").count()).toBe(0);
    // The newest messages are not loaded yet: the way back is offered.
    expect(await row(page, `Line ${HISTORY} of the archive`).count()).toBe(0);
    await shot(page, "search-jumped");

    await page.getByRole("button", { name: "Jump to latest ↓" }).click();
    expect(await seen(row(page, `Line ${HISTORY} of the archive`))).toBe(true);
  });

  it("opens a thread reply in the thread pane, highlighted", async () => {
    await search("sunfish");
    await seen(results().filter({ hasText: "sunfish" }));
    expect(await results().first().textContent()).toContain("thread");
    await results().first().click();

    const pane = page.getByTestId("thread-pane");
    await seen(pane.getByTestId("message").filter({ hasText: "the sunfish reply" }));
    await pane.locator('[data-testid="message"][data-highlighted]').waitFor({ timeout: WAIT_MS });
    expect(await row(page, "Thread root about lunch").count()).toBe(1);
  });

  it("offers the open channel as a scope, and the filter can lift it again", async () => {
    await page.goto(generalUrl);
    await seen(row(page, "Thread root about lunch"));
    const input = page.getByRole("searchbox", { name: "Search messages" });
    await input.click();
    await input.fill("narwhal");
    await page.getByTestId("search-in-channel").click();

    const panel = page.getByTestId("search-results");
    await seen(panel.getByText("No messages match"));
    expect(await panel.locator("h2").textContent()).toContain("in:#general narwhal");

    await panel.getByRole("button", { name: "in:#general" }).click();
    expect(await seen(results().filter({ hasText: "narwhal protocol" }))).toBe(true);
  });
});
