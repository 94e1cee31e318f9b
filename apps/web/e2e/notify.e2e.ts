// Attention (issue 10), in two real browsers: Peter (the --dev fallback user) and Ari (created with the
// admin CLI, signed in with a magic link in her own browser). `@` autocomplete inserts a handle; a mention
// of Ari shows her mention badge, the tab title count and the favicon badge, and all three clear when she
// opens the channel, with a "New" line above what she had not read; a channel stays unread while her tab
// is hidden; her opt-in desktop notification appears (permission granted through Playwright, observed
// through a hook on window.Notification) and clicking it opens the conversation; her status and her
// "away" presence reach Peter without a reload. Screenshots of the autocomplete and the badge in both
// themes are kept as artifacts.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, composer, gone, row, seen, send, shot, tokenFrom, waitText, WAIT_MS } from "./helpers";
import { startServer, type RunningServer } from "./server";

interface Channel {
  id: string;
  name: string;
  last_read_seq?: number;
  last_seq: number;
}

let server: RunningServer;
let peterBrowser: Browser;
let ariBrowser: Browser;
let peter: Page;
let ari: Page;
let workspace: { id: string; name: string };
let general: Channel;
let launchChannel: Channel;
let ariHandle: string;

const GENERAL = /Message #general/;
const LAUNCH = /Message #launch/;
/** A little over lib/away.ts HIDDEN_AWAY_MS (2 minutes). */
const HIDDEN_AWAY = "02:05";
/** A little over lib/away.ts IDLE_AWAY_MS (5 minutes without input). */
const IDLE_AWAY = "05:05";

/** What the page saw of `new Notification(…)`: the hook below records every one. */
interface Seen {
  title: string;
  body: string;
}

beforeAll(async () => {
  server = await startServer({ dev: true });
  await call(server.url, "PATCH", "/api/me", { display_name: "Peter", handle: "peter" });
  workspace = (await call<{ workspaces: { id: string; name: string }[] }>(server.url, "GET", "/api/workspaces"))
    .workspaces[0]!;
  general = (
    await call<{ channels: Channel[] }>(server.url, "GET", `/api/workspaces/${workspace.id}/channels`)
  ).channels.find((c) => c.name === "general")!;
  launchChannel = (
    await call<{ channel: Channel }>(server.url, "POST", `/api/workspaces/${workspace.id}/channels`, {
      name: "launch",
    })
  ).channel;
  await server.cli([
    "admin",
    "user",
    "create",
    "--name",
    "Ari",
    "--email",
    "ari@example.com",
    "--workspace",
    workspace.id,
  ]);
  await server.cli(["admin", "user", "create", "--name", "Bo", "--email", "bo@example.com", "--workspace", workspace.id]);
  const { members } = await call<{ members: { user: { id: string; display_name: string; handle: string } }[] }>(
    server.url,
    "GET",
    `/api/workspaces/${workspace.id}/members`,
  );
  ariHandle = members.find((m) => m.user.display_name === "Ari")!.user.handle;
  // Ari joined after #launch was made: Peter adds her, so it is in her sidebar.
  for (const m of members.filter((m) => m.user.display_name !== "Peter")) {
    await call(server.url, "POST", `/api/channels/${launchChannel.id}/members`, { user_id: m.user.id });
  }

  peterBrowser = await launch();
  ariBrowser = await launch();
  // Ari allows notifications for this site, as if she had clicked "Allow" on the browser's prompt.
  await ariBrowser.context.grantPermissions(["notifications"], { origin: server.url });
  await ariBrowser.context.addInitScript(() => {
    const Native = window.Notification;
    const w = window as unknown as { seenNotes: { title: string; body: string; note: Notification }[] };
    w.seenNotes = [];
    function Recorded(title: string, options?: NotificationOptions): Notification {
      const note = new Native(title, options);
      w.seenNotes.push({ title, body: options?.body ?? "", note });
      return note;
    }
    Object.defineProperty(Recorded, "permission", { get: () => Native.permission });
    (Recorded as unknown as { requestPermission: unknown }).requestPermission = () =>
      Native.requestPermission();
    (window as unknown as { Notification: unknown }).Notification = Recorded;
    // Every click-clack tap starts one buffer source (lib/clack.ts): count them.
    const counter = window as unknown as { taps: number };
    counter.taps = 0;
    const createSource = AudioContext.prototype.createBufferSource;
    AudioContext.prototype.createBufferSource = function (this: AudioContext) {
      counter.taps++;
      return createSource.call(this);
    };
  });
  peter = await peterBrowser.context.newPage();
  ari = await ariBrowser.context.newPage();
  const link = await server.cli(["admin", "magic-link", "create", "--email", "ari@example.com"]);
  await ari.goto(`${server.url}/app/login?token=${encodeURIComponent(tokenFrom(link))}`);
  await composer(ari, GENERAL);
  await peter.goto(channelUrl(general));
  await composer(peter, GENERAL);
});

afterAll(async () => {
  await peterBrowser?.close();
  await ariBrowser?.close();
  await server?.destroy();
});

function channelUrl(c: Channel): string {
  return `${server.url}/app/w/${workspace.id}/c/${c.id}`;
}

/** Ari's sidebar link for a channel. */
function ariLink(name: string) {
  return ari.getByRole("navigation", { name: "Channels" }).getByRole("link", { name: new RegExp(name) });
}

/** Makes the page believe its tab went to the background (or came back), as switching tabs would. */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((h) => {
    const d = document as unknown as Record<string, unknown>;
    if (h) {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
      Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
    } else {
      delete d.visibilityState;
      delete d.hidden;
    }
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

/** Ari's read pointers as the server has them (her cookie authenticates the GET). */
async function ariPointer(channelId: string): Promise<number> {
  return ari.evaluate(
    async ({ ws, id }) => {
      const r = await fetch(`/api/workspaces/${ws}/channels`);
      const { channels } = (await r.json()) as { channels: { id: string; last_read_seq?: number }[] };
      return channels.find((c) => c.id === id)?.last_read_seq ?? 0;
    },
    { ws: workspace.id, id: channelId },
  );
}

async function faviconCount(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.dataset.count ?? "");
}

async function setTheme(page: Page, theme: "light" | "dark", label: RegExp): Promise<void> {
  await page.evaluate((t) => localStorage.setItem("clickclack.theme", t), theme);
  await page.reload();
  await composer(page, label);
}

describe("@ autocomplete", () => {
  it("lists matching people and inserts the chosen handle with Enter", async () => {
    const box = await composer(peter, GENERAL);
    await box.click();
    await box.pressSequentially("hey @a");
    const list = peter.getByTestId("mention-autocomplete");
    expect(await seen(list)).toBe(true);
    expect(await list.getByRole("option").first().textContent()).toContain(`@${ariHandle}`);
    await box.press("Enter");
    expect(await gone(list)).toBe(true);
    expect(await box.inputValue()).toBe(`hey @${ariHandle} `);
    // Enter picked the person; it did not send the half-written message.
    expect(await row(peter, "hey @").count()).toBe(0);
  });

  it("moves with the arrow keys, offers @channel and @here, and closes with Escape", async () => {
    const box = await composer(peter, GENERAL);
    await box.fill("");
    await box.pressSequentially("@");
    const options = peter.getByTestId("mention-autocomplete").getByRole("option");
    await options.first().waitFor({ timeout: WAIT_MS });
    const texts = await options.allTextContents();
    expect(texts.some((t) => t.includes("@channel"))).toBe(true);
    expect(texts.some((t) => t.includes("@here"))).toBe(true);
    await box.press("ArrowDown");
    expect(await options.nth(1).getAttribute("aria-selected")).toBe("true");
    await box.press("Escape");
    expect(await gone(peter.getByTestId("mention-autocomplete"))).toBe(true);
    // A click picks too.
    await box.pressSequentially("her");
    await peter.getByTestId("mention-autocomplete").getByRole("option", { name: /@here/ }).click();
    expect(await box.inputValue()).toBe("@here ");
    await box.fill("");
  });

  it("works in the thread composer too", async () => {
    await send(peter, GENERAL, "Thread root for autocomplete");
    const root = row(peter, "Thread root for autocomplete");
    await root.hover();
    await root.getByRole("link", { name: "Reply in thread" }).click();
    const box = await composer(peter, /Reply/);
    await box.pressSequentially("thanks @pe");
    expect(await seen(peter.getByTestId("mention-autocomplete"))).toBe(true);
    await box.press("Tab");
    expect(await box.inputValue()).toBe("thanks @peter ");
    await box.fill("");
    await peter.keyboard.press("Escape");
    await peter.goto(channelUrl(general));
    await composer(peter, GENERAL);
  });
});

describe("a mention of Ari", () => {
  it("shows her mention badge, the title count and the favicon badge, and clears them when she reads it", async () => {
    await ari.goto(channelUrl(launchChannel));
    await composer(ari, LAUNCH);
    const box = await composer(peter, GENERAL);
    await box.click();
    await box.pressSequentially(`@${ariHandle.slice(0, 2)}`);
    await box.press("Enter");
    await box.pressSequentially("can you review the release notes?");
    await box.press("Enter");

    const badge = ariLink("general").getByTestId("mention-badge");
    expect(await waitText(badge, "1")).toContain("1 mention");
    await ari.waitForFunction(() => document.title.startsWith("(1) #launch"), null, { timeout: WAIT_MS });
    expect(await ari.title()).toBe(`(1) #launch · ${workspace.name} — ClickClack`);
    expect(await faviconCount(ari)).toBe("1");
    expect(
      await ari.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href.startsWith("data:image/png")),
    ).toBe(true);

    await ariLink("general").click();
    const message = row(ari, "can you review the release notes?");
    expect(await seen(message.locator(".mention.me"))).toBe(true);
    expect(await gone(badge)).toBe(true);
    await ari.waitForFunction(() => !document.title.startsWith("("), null, { timeout: WAIT_MS });
    expect(await faviconCount(ari)).toBe("");
    // The "New" line sits right above the first message she had not read (the thread root before it
    // arrived while she was in #general, so she had read that one).
    const divider = ari.getByTestId("new-divider");
    expect(await seen(divider)).toBe(true);
    const nextRow = await divider.evaluate((el) => el.nextElementSibling?.textContent ?? "");
    expect(nextRow).toContain("can you review the release notes?");
    const prevRow = await divider.evaluate((el) => el.previousElementSibling?.textContent ?? "");
    expect(prevRow).toContain("Thread root for autocomplete");
    // And the server's pointer moved, so another device starts from here.
    const { channels } = await call<{ channels: Channel[] }>(
      server.url,
      "GET",
      `/api/workspaces/${workspace.id}/channels`,
    );
    const lastSeq = channels.find((c) => c.id === general.id)!.last_seq;
    await ari.waitForFunction(
      async ({ ws, id, seq }) => {
        const r = await fetch(`/api/workspaces/${ws}/channels`);
        const body = (await r.json()) as { channels: { id: string; last_read_seq?: number }[] };
        return body.channels.find((c) => c.id === id)?.last_read_seq === seq;
      },
      { ws: workspace.id, id: general.id, seq: lastSeq },
      { timeout: WAIT_MS, polling: 200 },
    );
  });

  it("keeps the open channel unread while her tab is hidden, and reads it when she is back", async () => {
    const before = await ariPointer(general.id);
    await setHidden(ari, true);
    await send(peter, GENERAL, `@${ariHandle} still there?`);
    expect(await seen(row(ari, "still there?"))).toBe(true);
    await ari.waitForFunction(() => document.title.startsWith("(1) #general"), null, { timeout: WAIT_MS });
    expect(await ariPointer(general.id)).toBe(before);

    await setHidden(ari, false);
    await ari.waitForFunction(() => !document.title.startsWith("("), null, { timeout: WAIT_MS });
    // What came while she was away is under a fresh "New" line once she looks again later.
    await ari.waitForFunction(
      async ({ ws, id, seq }) => {
        const r = await fetch(`/api/workspaces/${ws}/channels`);
        const body = (await r.json()) as { channels: { id: string; last_read_seq?: number }[] };
        return (body.channels.find((c) => c.id === id)?.last_read_seq ?? 0) > seq;
      },
      { ws: workspace.id, id: general.id, seq: before },
      { timeout: WAIT_MS, polling: 200 },
    );
  });
});

describe("notifications", () => {
  it("are off until Ari turns them on, then show for a mention while her tab is hidden", async () => {
    await ari.goto(channelUrl(launchChannel));
    await composer(ari, LAUNCH);
    await setHidden(ari, true);
    await send(peter, GENERAL, `@${ariHandle} nobody asked you yet`);
    await ariLink("general").getByTestId("mention-badge").waitFor({ timeout: WAIT_MS });
    expect(await ari.evaluate(() => (window as unknown as { seenNotes: Seen[] }).seenNotes.length)).toBe(0);
    await setHidden(ari, false);

    await ari.getByTestId("notify-menu").click();
    const desktop = ari.getByRole("checkbox", { name: /Desktop notifications/ });
    expect(await desktop.isChecked()).toBe(false);
    await desktop.check();
    await ari.waitForFunction(
      () => JSON.parse(localStorage.getItem("clickclack.notify") ?? "{}").desktop === true,
      null,
      { timeout: WAIT_MS },
    );
    await ari.keyboard.press("Escape");

    await setHidden(ari, true);
    await send(peter, GENERAL, `@${ariHandle} the build is green`);
    const notes = await ari.waitForFunction(
      () => {
        const seenNotes = (window as unknown as { seenNotes: Seen[] }).seenNotes;
        return seenNotes.length > 0 ? seenNotes.map((n) => ({ title: n.title, body: n.body })) : null;
      },
      null,
      { timeout: WAIT_MS },
    );
    const shown = (await notes.jsonValue()) as Seen[];
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe("Peter in #general");
    expect(shown[0]!.body).toContain("the build is green");

    // Clicking it brings the tab forward on the conversation.
    await ari.evaluate(() => {
      const { note } = (window as unknown as { seenNotes: { note: Notification }[] }).seenNotes[0]!;
      note.dispatchEvent(new Event("click"));
    });
    await ari.waitForFunction((id) => location.pathname.endsWith(`/c/${id}`), general.id, {
      timeout: WAIT_MS,
    });
    await setHidden(ari, false);
    expect(await seen(row(ari, "the build is green"))).toBe(true);
    expect(await gone(ariLink("general").getByTestId("mention-badge"))).toBe(true);
  });

  it("stay quiet for messages that do not mention her, and while she is looking", async () => {
    await send(peter, GENERAL, `@${ariHandle} right in front of you`);
    expect(await seen(row(ari, "right in front of you"))).toBe(true);
    await setHidden(ari, true);
    await send(peter, GENERAL, "just chatting, no mention");
    expect(await seen(row(ari, "just chatting, no mention"))).toBe(true);
    await setHidden(ari, false);
    expect(await ari.evaluate(() => (window as unknown as { seenNotes: Seen[] }).seenNotes.length)).toBe(1);
  });
});

describe("the click-clack", () => {
  const taps = () => ari.evaluate(() => (window as unknown as { taps: number }).taps);

  it("is silent until Ari turns it on, plays for a mention elsewhere, and stops when muted", async () => {
    await ari.goto(channelUrl(launchChannel));
    await composer(ari, LAUNCH);
    await send(peter, GENERAL, `@${ariHandle} no sound yet`);
    await ariLink("general").getByTestId("mention-badge").waitFor({ timeout: WAIT_MS });
    expect(await taps()).toBe(0);

    await ari.getByTestId("notify-menu").click();
    await ari.getByRole("checkbox", { name: /Click-clack sound/ }).check();
    // Turning it on plays it once, so she knows what it sounds like.
    await ari.waitForFunction(() => (window as unknown as { taps: number }).taps === 2, null, {
      timeout: WAIT_MS,
    });
    await ari.keyboard.press("Escape");
    await send(peter, GENERAL, `@${ariHandle} hear this?`);
    await ari.waitForFunction(() => (window as unknown as { taps: number }).taps === 4, null, {
      timeout: WAIT_MS,
    });

    await ari.getByTestId("notify-menu").click();
    await ari.getByRole("checkbox", { name: /Click-clack sound/ }).uncheck();
    await ari.keyboard.press("Escape");
    await send(peter, GENERAL, `@${ariHandle} muted now`);
    // The badge counting up shows the message has arrived; no sound came with it.
    await waitText(ariLink("general").getByTestId("mention-badge"), "3");
    expect(await taps()).toBe(4);
    expect(await ari.evaluate(() => localStorage.getItem("clickclack.notify"))).toContain('"sound":false');
    await ariLink("general").click();
    await gone(ariLink("general").getByTestId("mention-badge"));
  });
});

describe("Ari, as Peter sees her", () => {
  const ariOnPeter = () => peter.getByTestId("person").filter({ hasText: "Ari" });

  it("changes status without Peter reloading", async () => {
    await peter.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await ari.getByTestId("me").click();
    await ari.getByTestId("profile-dialog").waitFor({ timeout: WAIT_MS });
    await ari.getByRole("radio", { name: /Lurking/ }).click();
    await ari.getByTestId("profile-dialog").getByRole("button", { name: "Save" }).click();
    await gone(ari.getByTestId("profile-dialog"));
    const emoji = ariOnPeter().getByTestId("status-emoji");
    expect(await seen(emoji)).toBe(true);
    expect(await emoji.textContent()).toBe("👀");
    expect(await row(peter, "right in front of you").count()).toBe(1);
    expect(await peter.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  });

  it("shows her as away (amber) after her tab has been hidden a while, and online when she is back", async () => {
    expect(await seen(ariOnPeter().locator('[data-presence="online"]'))).toBe(true);
    // Ari's page gets a controllable clock, so "a while" (lib/away.ts) passes without waiting for it.
    await ari.clock.install();
    await setHidden(ari, true);
    await ari.clock.fastForward(HIDDEN_AWAY);
    const away = ariOnPeter().locator('[data-presence="away"]');
    expect(await seen(away)).toBe(true);
    expect(await ariOnPeter().getAttribute("title")).toBe("Ari: Away");
    const amber = await away.evaluate((el) => getComputedStyle(el).backgroundColor);
    await setHidden(ari, false);
    const online = ariOnPeter().locator('[data-presence="online"]');
    expect(await seen(online)).toBe(true);
    expect(await online.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(amber);
    expect(await ariOnPeter().getAttribute("title")).toBe("Ari: Online");
    // Bo has never connected: offline, a hollow ring that is neither green nor amber.
    const bo = peter.getByTestId("person").filter({ hasText: "Bo" }).locator('[data-presence="offline"]');
    expect(await seen(bo)).toBe(true);
    const ring = await bo.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(ring).not.toBe(amber);
    expect(await peter.getByTestId("person").filter({ hasText: "Bo" }).getAttribute("title")).toBe("Bo: Offline");
  });
  it("leaves what arrives unread while she is idle at a focused window, and reads it when she is back", async () => {
    expect(await seen(row(ari, "muted now"))).toBe(true);
    await ari.clock.fastForward(IDLE_AWAY);
    expect(await seen(ariOnPeter().locator('[data-presence="away"]'))).toBe(true);
    await send(peter, GENERAL, `@${ariHandle} are you at your desk?`);
    expect(await seen(row(ari, "are you at your desk?"))).toBe(true);
    await ari.waitForFunction(() => document.title.startsWith("(1) #general"), null, {
      timeout: WAIT_MS,
    });
    await ari.mouse.move(400, 300);
    await ari.mouse.move(420, 320);
    await ari.waitForFunction(() => !document.title.startsWith("("), null, { timeout: WAIT_MS });
    expect(await seen(ariOnPeter().locator('[data-presence="online"]'))).toBe(true);
  });
});

describe("screenshots", () => {
  it("captures the @ autocomplete and the mention badge in light and dark", async () => {
    for (const theme of ["light", "dark"] as const) {
      await setTheme(peter, theme, GENERAL);
      const box = await composer(peter, GENERAL);
      await box.click();
      await box.pressSequentially("@");
      await peter.getByTestId("mention-autocomplete").waitFor({ timeout: WAIT_MS });
      await shot(peter, `desktop-${theme}-mention-autocomplete`);
      await box.press("Escape");
      await box.fill("");

      await ari.goto(channelUrl(launchChannel));
      await setTheme(ari, theme, LAUNCH);
      await send(peter, GENERAL, `@${ariHandle} screenshot time (${theme})`);
      await ariLink("general").getByTestId("mention-badge").waitFor({ timeout: WAIT_MS });
      await shot(ari, `desktop-${theme}-mention-badge`);
      await ariLink("general").click();
      await gone(ariLink("general").getByTestId("mention-badge"));
    }
  });
});
