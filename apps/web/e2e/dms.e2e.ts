// Direct messages (issue 10) in real browsers: Peter (the --dev fallback user) opens a conversation with
// Ari from the member list; they write to each other live; Ari's sidebar shows the conversation arrive
// with an unread count and a mention badge that clear when she opens it (and stay cleared after a reload,
// so the server's pointer moved); typing shows in the DM; Cy, the third member of the workspace, sees no
// trace of it. Then a group conversation from the people picker. Screenshots of the DM view and the
// picker in both themes, and of the empty states, are kept as artifacts.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, composer, gone, row, seen, send, shot, tokenFrom, waitText, WAIT_MS } from "./helpers";
import { startServer, type RunningServer } from "./server";

let server: RunningServer;
let peterBrowser: Browser;
let ariBrowser: Browser;
let peter: Page;
let ari: Page;
let workspaceId: string;
let generalUrl: string;
let dmUrl: string;
let generalId: string;

const GENERAL = /Message #general/;
const TO_ARI = "Message Ari";
const TO_PETER = "Message Peter";

async function createUser(name: string, email: string): Promise<void> {
  await server.cli(["admin", "user", "create", "--name", name, "--email", email, "--workspace", workspaceId]);
}

async function signIn(page: Page, email: string): Promise<void> {
  const link = await server.cli(["admin", "magic-link", "create", "--email", email]);
  await page.goto(`${server.url}/app/login?token=${encodeURIComponent(tokenFrom(link))}`);
  await composer(page, GENERAL);
}

/** The conversation's entry in someone's sidebar. */
const dmItem = (page: Page, name: string) =>
  page.getByRole("region", { name: "Direct messages" }).getByTestId("dm-item").filter({ hasText: name });

beforeAll(async () => {
  server = await startServer({ dev: true });
  await call(server.url, "PATCH", "/api/me", { display_name: "Peter", handle: "peter" });
  const { workspaces } = await call<{ workspaces: { id: string }[] }>(server.url, "GET", "/api/workspaces");
  workspaceId = workspaces[0]!.id;
  const { channels } = await call<{ channels: { id: string; name: string }[] }>(
    server.url,
    "GET",
    `/api/workspaces/${workspaceId}/channels`,
  );
  generalId = channels.find((c) => c.name === "general")!.id;
  generalUrl = `${server.url}/app/w/${workspaceId}/c/${generalId}`;
  await createUser("Ari", "ari@example.com");
  await createUser("Cy", "cy@example.com");
  peterBrowser = await launch();
  ariBrowser = await launch();
  peter = await peterBrowser.context.newPage();
  ari = await ariBrowser.context.newPage();
  await signIn(ari, "ari@example.com");
  await peter.goto(generalUrl);
  await composer(peter, GENERAL);
});

afterAll(async () => {
  await peterBrowser?.close();
  await ariBrowser?.close();
  await server?.destroy();
});

describe("a direct conversation between two people", () => {
  it("starts from the member list: Ari's card, then Message", async () => {
    expect(await seen(peter.getByTestId("dms-empty"))).toBe(true);
    await shot(peter, "desktop-light-dms-empty-sidebar");

    await peter.getByTestId("person").filter({ hasText: "Ari" }).getByRole("button").click();
    const card = peter.getByTestId("person-popover");
    expect(await seen(card)).toBe(true);
    expect(await card.textContent()).toContain("@ari");
    await card.getByRole("button", { name: "Message" }).click();

    await peter.waitForURL(/\/app\/w\/[^/]+\/dm\/dm_[^/]+$/, { timeout: WAIT_MS });
    dmUrl = peter.url();
    expect(await gone(card)).toBe(true);
    expect(await waitText(peter.getByTestId("dm-header"), "Ari")).toContain("Ari");
    // A new conversation: the lobster's empty state, and the conversation in Peter's own sidebar.
    expect(await waitText(peter.getByTestId("dm-view"), "No messages with Ari yet")).toBeTruthy();
    expect(await seen(dmItem(peter, "Ari"))).toBe(true);
    expect(await peter.getByTestId("dms-empty").count()).toBe(0);
    await shot(peter, "desktop-light-dm-empty");
    // Ari's sidebar shows the new conversation live (dm.created), with nothing unread in it yet.
    expect(await seen(dmItem(ari, "Peter"))).toBe(true);
    expect(await dmItem(ari, "Peter").getByTestId("dm-unread-badge").count()).toBe(0);
  });

  it("arrives in Ari's sidebar live, with an unread count and a mention badge", async () => {
    await send(peter, TO_ARI, "Hello Ari, just between us");
    expect(await seen(row(peter, "Hello Ari, just between us"))).toBe(true);

    const item = dmItem(ari, "Peter");
    expect(await seen(item)).toBe(true);
    expect(await waitText(item.getByTestId("dm-unread-badge"), "1")).toContain("1");
    expect(await item.getByTestId("dm-mention-badge").count()).toBe(0);
    // Bold while unread.
    expect(await item.evaluate((el) => getComputedStyle(el).fontWeight)).toBe("700");

    await send(peter, TO_ARI, "@ari can you look at the tide chart?");
    expect(await waitText(item.getByTestId("dm-unread-badge"), "2")).toContain("2");
    expect(await waitText(item.getByTestId("dm-mention-badge"), "@1")).toContain("@1");
    await shot(ari, "desktop-light-dm-badges");
  });

  it("clears Ari's badges when she opens it, and they stay cleared after a reload", async () => {
    const item = dmItem(ari, "Peter");
    await item.click();
    await ari.waitForURL(dmUrl, { timeout: WAIT_MS });
    expect(await seen(row(ari, "Hello Ari, just between us"))).toBe(true);
    expect(await seen(row(ari, "can you look at the tide chart?"))).toBe(true);
    // The "New" line sits above the first message she had not read.
    expect(await seen(ari.getByTestId("new-divider"))).toBe(true);
    const afterLine = await ari
      .getByTestId("new-divider")
      .evaluate((el) => el.nextElementSibling?.textContent ?? "");
    expect(afterLine).toContain("Hello Ari, just between us");
    expect(await gone(item.getByTestId("dm-unread-badge"))).toBe(true);
    expect(await item.getByTestId("dm-mention-badge").count()).toBe(0);

    // The server's read pointer moved: a fresh page (on another conversation) shows no badge either.
    await ari.goto(generalUrl);
    await composer(ari, GENERAL);
    expect(await seen(dmItem(ari, "Peter"))).toBe(true);
    expect(await dmItem(ari, "Peter").getByTestId("dm-unread-badge").count()).toBe(0);
    expect(await dmItem(ari, "Peter").getByTestId("dm-mention-badge").count()).toBe(0);
  });

  it("delivers both ways live, with typing, and no badge for the conversation you are reading", async () => {
    await dmItem(ari, "Peter").click();
    const box = await composer(ari, TO_PETER);
    await box.click();
    await box.pressSequentially("typing to Peter");
    expect(await waitText(peter.getByTestId("typing"), "Ari is clacking")).toContain("Ari");
    await box.fill("Hi Peter, the tide chart looks fine");
    await box.press("Enter");

    expect(await seen(row(peter, "the tide chart looks fine"))).toBe(true);
    expect(await gone(peter.getByTestId("typing").filter({ hasText: "clacking" }))).toBe(true);
    // Peter is looking at the newest message: it is read as it arrives, and is not "New".
    expect(await dmItem(peter, "Ari").getByTestId("dm-unread-badge").count()).toBe(0);
    expect(await peter.getByTestId("new-divider").count()).toBe(0);

    await send(peter, TO_ARI, "Great, thanks");
    expect(await seen(row(ari, "Great, thanks"))).toBe(true);
    expect(await dmItem(ari, "Peter").getByTestId("dm-unread-badge").count()).toBe(0);
  });

  it("opens a person's card from a name in the timeline", async () => {
    await row(peter, "the tide chart looks fine").locator("button.author").click();
    const card = peter.getByTestId("person-popover");
    expect(await waitText(card, "Ari")).toContain("@ari");
    await shot(peter, "desktop-light-person-card");
    await peter.keyboard.press("Escape");
    expect(await gone(card)).toBe(true);
  });
});

describe("threads, reactions and edits in a direct conversation", () => {
  it("work as in channels, live for both", async () => {
    const root = row(ari, "Great, thanks");
    await root.hover();
    await root.getByRole("link", { name: "Reply in thread" }).click();
    const pane = ari.getByTestId("thread-pane");
    await pane.waitFor({ timeout: WAIT_MS });
    expect(ari.url()).toMatch(/\/dm\/dm_[^/]+\/t\/msg_/);
    expect(await waitText(pane.locator("header"), "Peter")).toContain("Thread");
    await send(ari, "Reply…", "A thread reply, in private");
    await waitText(row(peter, "Great, thanks").getByTestId("reply-count"), "1 reply");
    expect(await peter.getByTestId("timeline").getByText("A thread reply, in private").count()).toBe(0);

    const onPeter = row(peter, "the tide chart looks fine");
    await onPeter.hover();
    await onPeter.getByRole("button", { name: "React with 🦞" }).click();
    expect(await waitText(row(ari, "the tide chart looks fine").locator('[data-emoji="🦞"]'), "1")).toContain("1");

    const mine = row(peter, "Great, thanks");
    await mine.hover();
    await mine.getByRole("button", { name: "Edit message" }).click();
    const editor = peter.getByRole("textbox", { name: "Edit message" });
    await editor.fill("Great, thanks a lot");
    await editor.press("Enter");
    expect(await waitText(row(ari, "Great, thanks a lot"), "(edited)")).toBeTruthy();
    // Editing the root shows in Ari's open thread too.
    expect(await waitText(pane, "Great, thanks a lot")).toBeTruthy();
    await ari.getByRole("button", { name: "Close thread" }).click();
    expect(await gone(pane)).toBe(true);
  });
});

describe("slash commands in a direct conversation", () => {
  it("suggests only what works there, posts /shrug for both, and refuses a channel command in words", async () => {
    const box = await composer(peter, TO_ARI);
    await box.click();
    await box.pressSequentially("/");
    const suggestions = peter.getByTestId("command-autocomplete");
    expect(await seen(suggestions)).toBe(true);
    expect(await suggestions.innerText()).toContain("/shrug");
    expect(await suggestions.innerText()).not.toContain("/topic");
    await box.fill("");

    await send(peter, TO_ARI, "/shrug sure");
    expect(await seen(row(ari, "sure ¯\\_(ツ)_/¯"))).toBe(true);
    await send(peter, TO_ARI, "/topic secrets");
    expect(await waitText(peter.getByTestId("command-note"), "works in channels")).toContain("/topic");
    expect(await row(ari, "/topic secrets").count()).toBe(0);
  });
});

describe("Ari's other tab", () => {
  it("clears its badge when she reads the conversation in one tab (dm.read)", async () => {
    const tab2 = await ariBrowser.context.newPage();
    try {
      await tab2.goto(generalUrl);
      await composer(tab2, GENERAL);
      await ari.goto(generalUrl);
      await composer(ari, GENERAL);
      await send(peter, TO_ARI, "a ping for both of Ari's tabs");
      expect(await waitText(dmItem(tab2, "Peter").getByTestId("dm-unread-badge"), "1")).toContain("1");
      expect(await waitText(dmItem(ari, "Peter").getByTestId("dm-unread-badge"), "1")).toContain("1");

      await dmItem(ari, "Peter").click();
      expect(await seen(row(ari, "a ping for both of Ari's tabs"))).toBe(true);
      expect(await gone(dmItem(tab2, "Peter").getByTestId("dm-unread-badge"))).toBe(true);
    } finally {
      await tab2.close();
    }
  });
});

describe("the third member of the workspace", () => {
  it("sees no trace of the conversation, and cannot open it by its link", async () => {
    const cyBrowser = await launch();
    try {
      const cy = await cyBrowser.context.newPage();
      await signIn(cy, "cy@example.com");
      expect(await seen(cy.getByTestId("dms-empty"))).toBe(true);
      expect(await cy.getByTestId("dm-item").count()).toBe(0);

      await cy.goto(dmUrl);
      expect(await waitText(cy.getByTestId("dm-view"), "This conversation swam off")).toBeTruthy();
      expect(await cy.getByTestId("message").count()).toBe(0);
      expect(await cy.getByTestId("dm-item").count()).toBe(0);

      // Peter writes again while Cy watches #general: still nothing for Cy.
      await cy.goto(generalUrl);
      await composer(cy, GENERAL);
      await send(peter, TO_ARI, "one more, for Ari only");
      expect(await seen(row(ari, "one more, for Ari only"))).toBe(true);
      // Peter stays in the DM; his #general message goes over the API (as the dev user).
      await call(server.url, "POST", `/api/channels/${generalId}/messages`, {
        body: "and this one is for everyone",
      });
      expect(await seen(row(cy, "and this one is for everyone"))).toBe(true);
      expect(await cy.getByTestId("dm-item").count()).toBe(0);
      expect(await cy.getByText("one more, for Ari only").count()).toBe(0);
    } finally {
      await cyBrowser.close();
    }
  });
});

/** Waits until the picker lists exactly these people, in this order. */
async function onlyOption(...names: string[]): Promise<void> {
  await peter.waitForFunction(
    (want) => {
      const shown = [...document.querySelectorAll('[data-testid="dm-picker-option"] .label')];
      return shown.map((el) => el.textContent).join("|") === want.join("|");
    },
    names,
    { timeout: WAIT_MS },
  );
}

describe("a group conversation from the people picker", () => {
  it("picks two people with the keyboard and opens the group for all of them", async () => {
    await peter.getByRole("button", { name: "New direct message" }).click();
    const picker = peter.getByTestId("dm-picker");
    expect(await seen(picker)).toBe(true);
    const find = picker.getByRole("combobox", { name: "Find people" });
    // Everyone but Peter first; typing narrows it to the one match (the server's search).
    await onlyOption("Ari", "Cy");
    await find.fill("cy");
    await onlyOption("Cy");
    await find.press("Enter");
    await waitText(picker.getByTestId("dm-picker-chip"), "Cy");
    await find.fill("ar");
    await onlyOption("Ari");
    await find.press("Enter");
    await waitText(picker.getByTestId("dm-picker-chip").nth(1), "Ari");
    expect(await picker.getByRole("button", { name: "Start group (3)" }).isEnabled()).toBe(true);
    for (const theme of ["light", "dark"] as const) {
      await peter.evaluate((t) => document.documentElement.setAttribute("data-theme", t), theme);
      await shot(peter, `desktop-${theme}-dm-picker`);
    }
    await peter.evaluate(() => document.documentElement.setAttribute("data-theme", "light"));

    await find.press("Enter");
    await peter.waitForURL((url) => /\/dm\/dm_/.test(url.pathname) && url.href !== dmUrl, {
      timeout: WAIT_MS,
    });
    expect(await gone(picker)).toBe(true);
    const header = await waitText(peter.getByTestId("dm-header"), "Cy");
    expect(header).toContain("Ari");
    await send(peter, /Message (Ari, Cy|Cy, Ari)/, "Group hello to the reef crew");
    expect(await seen(row(peter, "Group hello to the reef crew"))).toBe(true);
    const group = ari.getByTestId("dm-item").filter({ hasText: "Cy" });
    expect(await seen(group)).toBe(true);
    expect(await waitText(group.getByTestId("dm-unread-badge"), "1")).toContain("1");
  });
});

describe("the quick switcher", () => {
  it("lists direct conversations by the people in them, and opens one", async () => {
    await peter.keyboard.press("Control+k");
    const dialog = peter.getByTestId("quick-switcher");
    expect(await seen(dialog)).toBe(true);
    await peter.keyboard.type("ari");
    const first = dialog.getByRole("option").first();
    expect(await waitText(first, "direct message")).toContain("Ari");
    await peter.keyboard.press("Enter");
    await peter.waitForURL(dmUrl, { timeout: WAIT_MS });
    expect(await gone(dialog)).toBe(true);
    expect(await seen(row(peter, "one more, for Ari only"))).toBe(true);
  });
});

describe("screenshots", () => {
  it("captures the DM view in light and dark, and on a phone", async () => {
    await peter.goto(dmUrl);
    await seen(row(peter, "Great, thanks"));
    for (const theme of ["light", "dark"] as const) {
      await peter.evaluate((t) => localStorage.setItem("clickclack.theme", t), theme);
      await peter.reload();
      await seen(row(peter, "Great, thanks"));
      await shot(peter, `desktop-${theme}-dm`);
    }
    await peter.evaluate(() => localStorage.setItem("clickclack.theme", "light"));
    const phone = await launch({ width: 390, height: 780 });
    try {
      const page = await phone.context.newPage();
      await signIn(page, "ari@example.com");
      await page.goto(dmUrl);
      await seen(row(page, "Great, thanks"));
      await shot(page, "mobile-light-dm");
      await page.getByRole("button", { name: "Open navigation" }).click();
      // A fresh page lists both of Ari's conversations from the server.
      expect(await seen(dmItem(page, "Peter"))).toBe(true);
      expect(await seen(dmItem(page, "Cy"))).toBe(true);
      await shot(page, "mobile-light-dm-drawer");
    } finally {
      await phone.close();
    }
  });
});
