// The first hour of use (issue 9), web side. What survives a bad connection and a reload: the local
// outbox (messages typed while the server is down are delivered exactly once when it is back, even
// across a page reload), drafts per conversation, honest presence while disconnected; plus the tab
// title, who reacted, and sign-out under the dev fallback. Peter is the --dev fallback user; Ari
// signs in with a magic link in her own browser.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, composer, gone, row, seen, send, tokenFrom, waitText, WAIT_MS } from "./helpers";
import { startServer, type RunningServer } from "./server";

interface Channel {
  id: string;
  name: string;
}
interface Message {
  id: string;
  body: string;
  nonce: string | null;
}

let server: RunningServer;
let peterBrowser: Browser;
let ariBrowser: Browser;
let peter: Page;
let ari: Page;
let workspace: { id: string; name: string };
let general: Channel;
let random: Channel;
let peterId: string;

const GENERAL = /Message #general/;
const RESTART_MS = 45_000;

beforeAll(async () => {
  server = await startServer({ dev: true });
  peterId = (
    await call<{ user: { id: string } }>(server.url, "PATCH", "/api/me", {
      display_name: "Peter",
    })
  ).user.id;
  workspace = (
    await call<{ workspaces: { id: string; name: string }[] }>(server.url, "GET", "/api/workspaces")
  ).workspaces[0]!;
  const channels = (
    await call<{ channels: Channel[] }>(
      server.url,
      "GET",
      `/api/workspaces/${workspace.id}/channels`,
    )
  ).channels;
  general = channels.find((c) => c.name === "general")!;
  random = (
    await call<{ channel: Channel }>(
      server.url,
      "POST",
      `/api/workspaces/${workspace.id}/channels`,
      {
        name: "random",
      },
    )
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
  peterBrowser = await launch();
  ariBrowser = await launch();
  peter = await peterBrowser.context.newPage();
  ari = await ariBrowser.context.newPage();
});

afterAll(async () => {
  await peterBrowser?.close();
  await ariBrowser?.close();
  await server?.destroy();
});

function channelUrl(channel: Channel, threadRoot?: string): string {
  const base = `${server.url}/app/w/${workspace.id}/c/${channel.id}`;
  return threadRoot ? `${base}/t/${threadRoot}` : base;
}

/** Every message in the channel timeline with exactly this body, as the server has them. */
async function stored(channel: Channel, body: string): Promise<Message[]> {
  const page = await call<{ messages: Message[] }>(
    server.url,
    "GET",
    `/api/channels/${channel.id}/messages?mode=latest&limit=200`,
  );
  return page.messages.filter((m) => m.body === body);
}

async function storedReplies(rootId: string, body: string): Promise<Message[]> {
  const thread = await call<{ replies: Message[] }>(
    server.url,
    "GET",
    `/api/messages/${rootId}/thread`,
  );
  return thread.replies.filter((m) => m.body === body);
}

const outboxKey = () => `clickclack.outbox.${peterId}.${workspace.id}`;

/** Waits until Peter's outbox in this browser is empty: every message has been confirmed. */
async function outboxEmptied(page: Page): Promise<void> {
  await page.waitForFunction((key) => localStorage.getItem(key) === null, outboxKey(), {
    timeout: RESTART_MS,
  });
}

async function restart(): Promise<void> {
  server = await startServer({ dev: true, port: server.port, dataDir: server.dataDir });
}

describe("where you are and what you were writing", () => {
  it("names the channel and workspace in the tab title", async () => {
    await peter.goto(channelUrl(general));
    await composer(peter, GENERAL);
    await peter.waitForFunction(
      (t) => document.title === t,
      `#general · ${workspace.name} — ClickClack`,
      {
        timeout: WAIT_MS,
      },
    );
    await peter
      .getByRole("navigation", { name: "Channels" })
      .getByRole("link", { name: "random" })
      .click();
    await composer(peter, /Message #random/);
    expect(await peter.title()).toBe(`#random · ${workspace.name} — ClickClack`);
  });

  it("keeps a half-typed message per channel across a switch and a reload, marked in the sidebar", async () => {
    const channels = peter.getByRole("navigation", { name: "Channels" });
    const generalLink = channels.getByRole("link", { name: /general/ });
    await generalLink.click();
    const box = await composer(peter, GENERAL);
    await box.fill("half a thought about the reef");
    await channels.getByRole("link", { name: /random/ }).click();
    await composer(peter, /Message #random/);
    expect(await seen(generalLink.getByTestId("draft-marker"))).toBe(true);

    await peter.reload();
    await composer(peter, /Message #random/);
    expect(await seen(generalLink.getByTestId("draft-marker"))).toBe(true);
    expect(
      await channels
        .getByRole("link", { name: /random/ })
        .getByTestId("draft-marker")
        .count(),
    ).toBe(0);

    await generalLink.click();
    expect(await (await composer(peter, GENERAL)).inputValue()).toBe(
      "half a thought about the reef",
    );
    await (await composer(peter, GENERAL)).press("Enter");
    expect(
      await seen(
        peter
          .locator(`[data-testid="message"][data-id^="msg_"]`)
          .filter({ hasText: "half a thought" }),
      ),
    ).toBe(true);

    await peter.reload();
    expect(await (await composer(peter, GENERAL)).inputValue()).toBe("");
    await channels.getByRole("link", { name: /random/ }).click();
    await composer(peter, /Message #random/);
    expect(await generalLink.getByTestId("draft-marker").count()).toBe(0);
  });

  it("keeps a thread reply draft apart from the channel's", async () => {
    const root = await call<{ message: { id: string } }>(
      server.url,
      "POST",
      `/api/channels/${general.id}/messages`,
      {
        body: "Thread for drafts",
      },
    );
    await peter.goto(channelUrl(general, root.message.id));
    await (await composer(peter, "Reply…")).fill("a reply I have not finished");
    await peter.goto(channelUrl(general));
    expect(await (await composer(peter, GENERAL)).inputValue()).toBe("");
    await peter.goto(channelUrl(general, root.message.id));
    expect(await (await composer(peter, "Reply…")).inputValue()).toBe(
      "a reply I have not finished",
    );
    await (await composer(peter, "Reply…")).fill("");
  });
});

describe("a server that goes away", () => {
  it("shows others' presence as unknown while Peter is disconnected", async () => {
    const link = await server.cli(["admin", "magic-link", "create", "--email", "ari@example.com"]);
    await ari.goto(`${server.url}/app/login?token=${encodeURIComponent(tokenFrom(link))}`);
    await composer(ari, GENERAL);
    await peter.goto(channelUrl(general));
    await composer(peter, GENERAL);
    const ariOnPeter = peter.getByTestId("person").filter({ hasText: "Ari" });
    expect(await seen(ariOnPeter.locator('[data-presence="online"]'))).toBe(true);

    await server.stop();
    expect(await seen(peter.getByTestId("reconnecting"))).toBe(true);
    expect(await seen(ariOnPeter.locator('[data-presence="unknown"]'))).toBe(true);
    expect(await ariOnPeter.getAttribute("title")).toMatch(/unknown while you are disconnected/);
    expect(await ariOnPeter.locator('[data-presence="online"]').count()).toBe(0);
  });

  it("delivers a message typed while the server is down exactly once when it is back", async () => {
    const body = "Typed while the reef was down 🌊";
    await send(peter, GENERAL, body);
    expect(await waitText(row(peter, body), "Not sent")).toContain("when we're back");

    await restart();
    const confirmed = peter
      .locator(`[data-testid="message"][data-id^="msg_"]`)
      .filter({ hasText: body });
    expect(await seen(confirmed, RESTART_MS)).toBe(true);
    expect(await gone(peter.getByTestId("reconnecting"), RESTART_MS)).toBe(true);
    await outboxEmptied(peter);
    expect(await row(peter, body).count()).toBe(1);
    expect(await seen(row(ari, body), RESTART_MS)).toBe(true);
    expect(await stored(general, body)).toHaveLength(1);
    // Presence is asked for again after the reconnect: Ari is back to online, not stuck on unknown.
    const ariOnPeter = peter.getByTestId("person").filter({ hasText: "Ari" });
    expect(await seen(ariOnPeter.locator('[data-presence="online"]'), RESTART_MS)).toBe(true);
  }, 120_000);

  it("delivers messages and thread replies exactly once across a page reload", async () => {
    const root = (
      await call<{ message: { id: string } }>(
        server.url,
        "POST",
        `/api/channels/${general.id}/messages`,
        {
          body: "Root for the reload test",
        },
      )
    ).message.id;
    await peter.goto(channelUrl(general, root));
    await composer(peter, "Reply…");

    await server.stop();
    expect(await seen(peter.getByTestId("reconnecting"))).toBe(true);
    const lost = "The answer to this one got lost";
    const fresh = "This one never left the browser";
    const reply = "A reply typed while the server was down";
    await send(peter, GENERAL, lost);
    await send(peter, GENERAL, fresh);
    await send(peter, "Reply…", reply);
    await waitText(row(peter.getByTestId("thread-pane"), reply), "Not sent");
    await waitText(row(peter, fresh), "Not sent");

    const kept = await peter.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? "[]"),
      outboxKey(),
    );
    expect(kept.map((e: { body: string }) => e.body)).toEqual([lost, fresh, reply]);

    // The tab goes away while the server is down (a reload cannot load the app without a server).
    await peter.goto("about:blank");
    await restart();
    // As if the first attempt of `lost` had reached the server and only its answer was lost: the
    // server already holds it under the browser's nonce.
    const lostNonce = kept.find((e: { body: string }) => e.body === lost).nonce;
    await call(server.url, "POST", `/api/channels/${general.id}/messages`, {
      body: lost,
      nonce: lostNonce,
    });

    await peter.goto(channelUrl(general, root));
    const timelineConfirmed = (text: string) =>
      peter
        .getByTestId("timeline")
        .locator(`[data-testid="message"][data-id^="msg_"]`)
        .filter({ hasText: text });
    expect(await seen(timelineConfirmed(fresh), RESTART_MS)).toBe(true);
    expect(await seen(timelineConfirmed(lost), RESTART_MS)).toBe(true);
    const threadConfirmed = peter
      .getByTestId("thread-pane")
      .locator(`[data-testid="message"][data-id^="msg_"]`)
      .filter({ hasText: reply });
    expect(await seen(threadConfirmed, RESTART_MS)).toBe(true);
    await outboxEmptied(peter);

    expect(await stored(general, lost)).toHaveLength(1);
    expect(await stored(general, fresh)).toHaveLength(1);
    expect(await storedReplies(root, reply)).toHaveLength(1);
    expect(await row(peter, lost).count()).toBe(1);
    expect(await row(peter, fresh).count()).toBe(1);
    expect(
      await peter
        .getByTestId("thread-pane")
        .getByTestId("message")
        .filter({ hasText: reply })
        .count(),
    ).toBe(1);
  }, 150_000);

  it("lets the user discard an unsent message for good", async () => {
    await peter.goto(channelUrl(general));
    await composer(peter, GENERAL);
    await server.stop();
    expect(await seen(peter.getByTestId("reconnecting"))).toBe(true);
    const body = "Never mind this one";
    await send(peter, GENERAL, body);
    await waitText(row(peter, body), "Not sent");
    await row(peter, body).getByRole("button", { name: "Discard" }).click();
    expect(await gone(row(peter, body))).toBe(true);
    await outboxEmptied(peter);

    await restart();
    expect(await gone(peter.getByTestId("reconnecting"), RESTART_MS)).toBe(true);
    await send(peter, GENERAL, "Back, and the discarded one stays gone");
    expect(await seen(row(ari, "Back, and the discarded one stays gone"), RESTART_MS)).toBe(true);
    expect(await stored(general, body)).toHaveLength(0);
  }, 120_000);
});

describe("who reacted", () => {
  it("names who reacted when hovering a reaction", async () => {
    const body = "React to this one, please";
    const { message } = await call<{ message: { id: string } }>(
      server.url,
      "POST",
      `/api/channels/${general.id}/messages`,
      { body },
    );
    await peter.goto(channelUrl(general));
    await ari.goto(channelUrl(general));
    await row(ari, body).waitFor({ timeout: WAIT_MS });
    await row(ari, body).hover();
    await row(ari, body).getByRole("button", { name: "React with 🦞" }).click();
    const chip = row(peter, body).locator('[data-emoji="🦞"]');
    await waitText(chip, "1");
    await chip.click();
    await row(peter, body).locator('[data-emoji="🦞"][aria-pressed="true"]').waitFor({
      timeout: WAIT_MS,
    });

    // The server names reactors in `reacted_by`; one that does not only gives the count.
    const { message: stored } = await call<{
      message: { reactions: { emoji: string; reacted_by?: unknown[] }[] };
    }>(server.url, "GET", `/api/messages/${message.id}`);
    const names = stored.reactions.find((r) => r.emoji === "🦞")?.reacted_by !== undefined;
    const expected = names ? "You and Ari reacted with 🦞" : "You and 1 other reacted with 🦞";
    await peter.reload();
    const settled = row(peter, body).locator('[data-emoji="🦞"]');
    await waitText(settled, "2");
    expect(await settled.getAttribute("title")).toBe(expected);
  });
});

describe("signing out while the dev fallback is on", () => {
  it("tells the dev user that sign-out cannot stick and what turns the fallback off", async () => {
    await peter.goto(channelUrl(general));
    await composer(peter, GENERAL);
    await peter.getByTestId("sign-out").click();
    const note = peter.getByTestId("dev-fallback-note");
    expect(await waitText(note, "dev fallback is on")).toContain("--no-dev");
    expect(await note.textContent()).toContain("clickclack admin bootstrap");
    // Still signed in: nothing pretended to sign out.
    expect(await (await composer(peter, GENERAL)).isVisible()).toBe(true);
    await peter.keyboard.press("Escape");
    expect(await gone(note)).toBe(true);
  });

  it("signs a real session out, after which this loopback browser is the dev user", async () => {
    await ari.goto(channelUrl(general));
    await composer(ari, GENERAL);
    await ari.getByTestId("sign-out").click();
    expect(await seen(ari.getByRole("heading", { name: /sign in/i }))).toBe(true);
    // No session now, so on a --dev server a reload is the dev fallback user, and says so.
    await ari.reload();
    await composer(ari, GENERAL);
    expect(await waitText(ari.getByTestId("me"), "Peter")).toContain("Peter");
    await ari.getByTestId("sign-out").click();
    expect(await seen(ari.getByTestId("dev-fallback-note"))).toBe(true);
  });
});
