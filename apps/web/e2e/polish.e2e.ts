// The first hour's small things (issue 9): menus and popovers that go away when they should, the
// message toolbar on the top-most row, the quick switcher, the honest search box, emoji shortcodes
// and code highlighting that is only downloaded when a code block appears. One person (Peter, the
// --dev fallback user) in one browser against the real server.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, composer, gone, row, seen, send, waitText, WAIT_MS } from "./helpers";
import { startServer, type RunningServer } from "./server";

interface Channel {
  id: string;
  name: string;
}

let server: RunningServer;
let browser: Browser;
let page: Page;
let workspaceId: string;
let general: Channel;
let tideReports: Channel;

const GENERAL = /Message #general/;
const SEEDED = 40;

beforeAll(async () => {
  server = await startServer({ dev: true });
  await call(server.url, "PATCH", "/api/me", { display_name: "Peter" });
  const { workspaces } = await call<{ workspaces: { id: string }[] }>(
    server.url,
    "GET",
    "/api/workspaces",
  );
  workspaceId = workspaces[0]!.id;
  const { channels } = await call<{ channels: Channel[] }>(
    server.url,
    "GET",
    `/api/workspaces/${workspaceId}/channels`,
  );
  general = channels.find((c) => c.name === "general")!;
  for (const name of ["tide-reports", "low-tide"]) {
    await call(server.url, "POST", `/api/workspaces/${workspaceId}/channels`, { name });
  }
  const after = await call<{ channels: Channel[] }>(
    server.url,
    "GET",
    `/api/workspaces/${workspaceId}/channels`,
  );
  tideReports = after.channels.find((c) => c.name === "tide-reports")!;
  // Enough history that the timeline scrolls, so there is a "top-most visible message" under the top bar.
  for (let i = 1; i <= SEEDED; i++) {
    await call(server.url, "POST", `/api/channels/${general.id}/messages`, {
      body: `Seeded message ${i}\nwith a second line so rows are tall`,
    });
  }

  browser = await launch();
  page = await browser.context.newPage();
  await page.goto(`${server.url}/app/w/${workspaceId}/c/${general.id}`);
  await row(page, `Seeded message ${SEEDED}`).waitFor({ timeout: WAIT_MS });
});

afterAll(async () => {
  await browser?.close();
  await server?.destroy();
});

/** The accessible name of the focused element, to check where focus went. */
async function focusedLabel(): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute("aria-label") ?? el?.textContent?.trim() ?? null;
  });
}

async function resourcesNamed(part: string): Promise<number> {
  return page.evaluate(
    (p) => performance.getEntriesByType("resource").filter((r) => r.name.includes(p)).length,
    part,
  );
}

function channelMenu(): Locator {
  return page.getByTestId("channel-menu");
}

async function openChannelMenu(name: string): Promise<void> {
  await page.getByRole("button", { name: `Channel options for #${name}` }).click();
  await seen(channelMenu());
}

describe("first load", () => {
  it("does not download the highlighter or the emoji table until they are needed", async () => {
    expect(await resourcesNamed("highlighter")).toBe(0);
    expect(await resourcesNamed("gemoji")).toBe(0);
  });

  it("has a working search box in the top bar", async () => {
    const input = page.getByTestId("search-box").locator("input");
    expect(await input.getAttribute("placeholder")).toBe("Search messages");
    expect(await input.isDisabled()).toBe(false);
  });
});

describe("the channel menu", () => {
  it("closes on Escape and hands focus back to its button", async () => {
    await openChannelMenu("general");
    await page.keyboard.press("Escape");
    expect(await gone(channelMenu())).toBe(true);
    expect(await focusedLabel()).toBe("Channel options for #general");
  });

  it("closes on a click outside", async () => {
    await openChannelMenu("general");
    await page.getByTestId("timeline").click({ position: { x: 30, y: 30 } });
    expect(await gone(channelMenu())).toBe(true);
  });

  it("closes when the channel changes", async () => {
    await page.getByRole("link", { name: "tide-reports" }).click();
    await waitText(page.locator("h1"), "tide-reports");
    await openChannelMenu("tide-reports");
    // Back to #general without touching the page (history navigation, as the browser's Back does).
    await page.goBack();
    await waitText(page.locator("h1"), "general");
    expect(await gone(channelMenu())).toBe(true);
  });

  it("closes when a message is sent", async () => {
    // Clicking into the composer would be a press outside the menu; sending must close it on its own,
    // so the text goes in without a click, then the menu opens, then Enter sends.
    const box = await composer(page, GENERAL);
    await box.fill("Sent while a menu was open");
    await openChannelMenu("general");
    await box.focus();
    await box.press("Enter");
    await row(page, "Sent while a menu was open").waitFor({ timeout: WAIT_MS });
    expect(await gone(channelMenu())).toBe(true);
  });
});

describe("the reaction picker", () => {
  it("closes on Escape (focus back on its button) and on a click outside", async () => {
    const message = row(page, "Sent while a menu was open");
    await message.hover();
    await message.getByRole("button", { name: "Add reaction" }).click();
    const picker = page.getByTestId("emoji-picker");
    await seen(picker);
    await page.keyboard.press("Escape");
    expect(await gone(picker)).toBe(true);
    expect(await focusedLabel()).toBe("Add reaction");

    await message.hover();
    await message.getByRole("button", { name: "Add reaction" }).click();
    await seen(picker);
    await page.locator("h1").click();
    expect(await gone(picker)).toBe(true);
  });
});

describe("the message toolbar on the top-most visible row", () => {
  /** Scrolls so that the row's top edge sits `offset` px above the timeline's top edge. */
  async function scrollRowToTop(text: string, offset: number): Promise<void> {
    await page.evaluate(
      ({ text, offset }) => {
        const scroller = document.querySelector<HTMLElement>('[data-testid="timeline"]')!;
        const el = [...scroller.querySelectorAll<HTMLElement>('[data-testid="message"]')].find(
          (m) => m.textContent?.includes(text),
        )!;
        scroller.scrollTop +=
          el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + offset;
      },
      { text, offset },
    );
  }

  async function expectToolbarFullyVisible(text: string): Promise<void> {
    const message = row(page, text);
    const box = (await message.boundingBox())!;
    const timeline = (await page.getByTestId("timeline").boundingBox())!;
    // Hover the part of the row that is on screen.
    const y = Math.max(box.y, timeline.y) + 6;
    await page.mouse.move(box.x + box.width / 2, y);
    const toolbar = message.getByTestId("message-actions");
    await seen(toolbar);
    const bar = (await toolbar.boundingBox())!;
    const topBar = (await page.locator("header.topbar").boundingBox())!;
    expect(bar.y).toBeGreaterThanOrEqual(timeline.y);
    expect(bar.y + bar.height).toBeLessThanOrEqual(timeline.y + timeline.height);
    expect(bar.y).toBeGreaterThanOrEqual(topBar.y + topBar.height);
    // Nothing covers it: the point at its centre is the toolbar (or one of its buttons).
    const onTop = await page.evaluate(
      ({ x, y }) => !!document.elementFromPoint(x, y)?.closest('[data-testid="message-actions"]'),
      { x: bar.x + bar.width / 2, y: bar.y + bar.height / 2 },
    );
    expect(onTop).toBe(true);
  }

  it("stays inside the timeline when the row starts right at the top", async () => {
    await scrollRowToTop("Seeded message 20", 0);
    await expectToolbarFullyVisible("Seeded message 20");
  });

  it("stays inside the timeline when the row is partly scrolled out", async () => {
    await scrollRowToTop("Seeded message 25", 12);
    await expectToolbarFullyVisible("Seeded message 25");
  });

  it("still floats above rows lower down", async () => {
    await scrollRowToTop("Seeded message 30", 0);
    const message = row(page, "Seeded message 32");
    await message.hover();
    const toolbar = message.getByTestId("message-actions");
    await seen(toolbar);
    expect((await toolbar.boundingBox())!.y).toBeLessThan((await message.boundingBox())!.y);
  });
});

describe("the quick switcher", () => {
  it("opens with Ctrl+K, filters fuzzily and opens the chosen channel with Enter", async () => {
    const box = await composer(page, GENERAL);
    await box.focus();
    await page.keyboard.press("Control+k");
    const dialog = page.getByTestId("quick-switcher");
    await seen(dialog);
    await page.keyboard.type("tdrep");
    expect(await waitText(dialog.getByRole("option").first(), "tide-reports")).toContain(
      "tide-reports",
    );
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/c/${tideReports.id}$`), { timeout: WAIT_MS });
    expect(await waitText(page.locator("h1"), "tide-reports")).toBe("#tide-reports");
    expect(await gone(dialog)).toBe(true);
  });

  it("moves with the arrow keys and closes on Escape, focus back where it was", async () => {
    const box = await composer(page, /Message #tide-reports/);
    await box.focus();
    await page.keyboard.press("Control+k");
    const dialog = page.getByTestId("quick-switcher");
    await seen(dialog);
    await page.keyboard.type("tide");
    const options = dialog.getByRole("option");
    await waitText(options.first(), "tide-reports");
    await page.keyboard.press("ArrowDown");
    expect(await options.nth(1).getAttribute("aria-selected")).toBe("true");
    expect(await options.nth(1).textContent()).toContain("low-tide");
    await page.keyboard.press("Escape");
    expect(await gone(dialog)).toBe(true);
    expect(await focusedLabel()).toBe("Message #tide-reports");
  });

  it("opens a person's card; your own has no Message button", async () => {
    await page.getByTestId("open-quick-switcher").click();
    await page.keyboard.type("pete");
    await waitText(page.getByTestId("quick-switcher").getByRole("option").first(), "Peter");
    await page.keyboard.press("Enter");
    const card = page.getByTestId("person-card");
    expect(await waitText(card, "Peter")).toContain("This is you");
    expect(await card.getByRole("button", { name: "Message" }).count()).toBe(0);
    await page.keyboard.press("Escape");
    expect(await gone(page.getByTestId("quick-switcher"))).toBe(true);
  });
});

describe("emoji in the composer", () => {
  it("suggests shortcodes after a colon and two letters, and Enter inserts instead of sending", async () => {
    await page.getByRole("link", { name: "general" }).first().click();
    const box = await composer(page, GENERAL);
    await box.click();
    await box.pressSequentially("Party :ta", { delay: 10 });
    const list = page.getByTestId("emoji-autocomplete");
    expect(await waitText(list.getByRole("option").first(), ":tada:")).toContain("🎉");
    await box.press("Enter");
    expect(await gone(list)).toBe(true);
    expect(await box.inputValue()).toBe("Party 🎉");
    expect(await row(page, "Party 🎉").count()).toBe(0);

    await box.pressSequentially(" and :lobs", { delay: 10 });
    await waitText(list.getByRole("option").first(), ":lobster:");
    await box.press("Escape");
    expect(await gone(list)).toBe(true);
    expect(await box.inputValue()).toBe("Party 🎉 and :lobs");
    await box.pressSequentially("ter: done", { delay: 10 });
    await box.press("Enter");
    // The typed-out shortcode is shown as the emoji.
    expect(await waitText(row(page, "Party 🎉"), "🦞")).toContain("Party 🎉 and 🦞 done");
  });

  it("moves through suggestions with the arrow keys and inserts with Tab", async () => {
    const box = await composer(page, GENERAL);
    await box.pressSequentially(":cra", { delay: 10 });
    const options = page.getByTestId("emoji-autocomplete").getByRole("option");
    await waitText(options.first(), ":crab:");
    const second = (await options.nth(1).textContent())!;
    await box.press("ArrowDown");
    expect(await options.nth(1).getAttribute("aria-selected")).toBe("true");
    await box.press("Tab");
    expect(await box.inputValue()).toBe(second.slice(0, second.indexOf(":")));
    await box.fill("");
  });

  it("inserts from the emoji button at the caret", async () => {
    const box = await composer(page, GENERAL);
    await box.fill("Look  here");
    await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(5, 5));
    await page.getByTestId("composer-emoji").click();
    const picker = page.getByTestId("emoji-picker");
    await seen(picker);
    await picker.getByRole("button", { name: "Insert 🦀" }).click();
    expect(await gone(picker)).toBe(true);
    expect(await box.inputValue()).toBe("Look 🦀 here");
    await box.fill("");
  });
});

describe("code blocks", () => {
  it("are highlighted once one appears, loading the highlighter then and only then", async () => {
    expect(await resourcesNamed("highlighter")).toBe(0);
    await send(page, GENERAL, "```ts\nconst reef: string = 'coral';\n```");
    const code = row(page, "const reef").locator("pre code");
    await code.locator(".hljs-keyword").first().waitFor({ timeout: WAIT_MS });
    expect(await code.locator(".hljs-keyword").first().textContent()).toBe("const");
    expect(await code.locator(".hljs-string").first().textContent()).toBe("'coral'");
    expect(await resourcesNamed("highlighter")).toBe(1);
  });

  it("renders tables and task lists", async () => {
    await send(
      page,
      GENERAL,
      "| crab | claws |\n|---|--:|\n| hermit | 2 |\n\n- [x] molt\n- [ ] eat",
    );
    const body = row(page, "hermit").getByTestId("message-body");
    await body.locator("table").waitFor({ timeout: WAIT_MS });
    expect(await body.locator("td.align-right").textContent()).toBe("2");
    expect(await body.locator('input[type="checkbox"]').count()).toBe(2);
    expect(await body.locator('input[type="checkbox"]:checked').count()).toBe(1);
    expect(await body.locator('input[type="checkbox"]:disabled').count()).toBe(2);
  });
});
