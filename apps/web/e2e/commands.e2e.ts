// A registered slash command (issue 14) in a real browser: Peter registers /claw → a receiver on loopback
// (allowed by allowed_callback_hosts), picks it from the composer's autocomplete by its description, and runs
// it. The receiver checks the signature the way docs/api.md shows; its in_channel reply appears live in
// #general as the command's bot, with the BOT badge.

import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, type Browser } from "./browser";
import { call, composer, row, seen, send, waitText, WAIT_MS } from "./helpers";
import { startServer, type RunningServer } from "./server";

let server: RunningServer;
let receiver: Server;
let browser: Browser;
let peter: Page;
let secret = "";
/** What each callback carried, and whether its signature verified. */
const calls: { verified: boolean; text: string; user: string; root: string; responseUrl: string }[] = [];

function verified(body: Buffer, timestamp: string, signature: string): boolean {
  const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex")}`;
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return (
    fresh &&
    signature.length === expected.length &&
    timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  );
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const ok = verified(
        body,
        String(req.headers["x-clickclack-timestamp"] ?? ""),
        String(req.headers["x-clickclack-signature"] ?? ""),
      );
      const form = new URLSearchParams(body.toString());
      calls.push({
        verified: ok,
        text: form.get("text") ?? "",
        user: form.get("user_name") ?? "",
        root: form.get("root_id") ?? "",
        responseUrl: form.get("response_url") ?? "",
      });
      if (!ok) {
        res.writeHead(401).end();
        return;
      }
      if (form.get("text") === "later") {
        res.writeHead(200).end(); // nothing now: the answer comes through response_url
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          response_type: "in_channel",
          text: `🦞 the claw says yes to: ${form.get("text")}`,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const port = (receiver.address() as AddressInfo).port;

  server = await startServer({
    dev: true,
    env: { CLICKCLACK_ALLOWED_CALLBACK_HOSTS: "127.0.0.1" },
  });
  await call(server.url, "PATCH", "/api/me", { display_name: "Peter", handle: "peter" });
  const workspace = (
    await call<{ workspaces: { id: string }[] }>(server.url, "GET", "/api/workspaces")
  ).workspaces[0]!;
  const general = (
    await call<{ channels: { id: string; name: string }[] }>(
      server.url,
      "GET",
      `/api/workspaces/${workspace.id}/channels`,
    )
  ).channels.find((c) => c.name === "general")!;
  const registered = await call<{ secret: string }>(
    server.url,
    "POST",
    `/api/workspaces/${workspace.id}/commands`,
    {
      trigger: "claw",
      url: `http://127.0.0.1:${port}/claw`,
      description: "Ask the claw",
      usage_hint: "[question]",
    },
  );
  secret = registered.secret;
  browser = await launch();
  peter = await browser.context.newPage();
  await peter.goto(`${server.url}/app/w/${workspace.id}/c/${general.id}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.destroy();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe("a registered slash command", () => {
  it("is suggested with its description, calls back signed, and its in_channel reply appears as its bot", async () => {
    const box = await composer(peter, /Message #general/);
    await box.click();
    await box.pressSequentially("/cl");
    const suggestions = peter.getByTestId("command-autocomplete");
    expect(await seen(suggestions)).toBe(true);
    expect(await suggestions.innerText()).toContain("/claw");
    expect(await suggestions.innerText()).toContain("Ask the claw");
    await box.press("Tab");
    expect(await box.inputValue()).toBe("/claw ");
    await box.pressSequentially("will it molt?");
    await box.press("Enter");

    const reply = row(peter, "the claw says yes to: will it molt?");
    expect(await seen(reply)).toBe(true);
    expect(await reply.getByTestId("bot-badge").count()).toBe(1);
    expect(await reply.locator("header").innerText()).toMatch(/^claw\s*BOT/);
    expect(calls).toEqual([
      expect.objectContaining({ verified: true, text: "will it molt?", user: "peter", root: "" }),
    ]);
    expect(await row(peter, "/claw will it molt?").count()).toBe(0);
  });

  it("runs from a thread's composer, and what it posts goes into that thread", async () => {
    await send(peter, /Message #general/, "Launch plan for the reef");
    const root = row(peter, "Launch plan for the reef");
    await root.hover();
    await root.getByRole("link", { name: "Reply in thread" }).click();
    const pane = peter.getByTestId("thread-pane");
    await pane.waitFor({ timeout: WAIT_MS });
    const rootId = /\/t\/(msg_[0-9A-Z]+)/.exec(peter.url())?.[1];
    expect(rootId).toBeTruthy();

    const box = await composer(peter, "Reply…");
    await box.click();
    await box.pressSequentially("/cl");
    expect(await seen(pane.getByTestId("command-autocomplete"))).toBe(true);
    await box.press("Tab");
    await box.pressSequentially("launch today?");
    await box.press("Enter");

    expect(await seen(row(pane, "the claw says yes to: launch today?"))).toBe(true);
    expect(calls.at(-1)).toEqual(
      expect.objectContaining({ verified: true, text: "launch today?", user: "peter", root: rootId }),
    );
    await send(peter, "Reply…", "/shrug in here");
    expect(await seen(row(pane, "in here ¯\\_(ツ)_/¯"))).toBe(true);
    // Both are replies: the channel's timeline shows neither.
    expect(await row(peter, "launch today?").count()).toBe(0);
    expect(await row(peter, "in here").count()).toBe(0);

    await send(peter, "Reply…", "/help");
    expect(await pane.getByTestId("command-note").innerText()).toContain("/claw");

    // A delayed ephemeral answer through response_url shows in the thread it was run in, for Peter only.
    await send(peter, "Reply…", "/claw later");
    const later = await waitForCall("later");
    const answered = await fetch(later.responseUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "the claw thought it over: yes" }),
    });
    expect(answered.status).toBe(200);
    expect(await waitText(pane.getByTestId("command-note"), "thought it over")).toContain("yes");
    expect(await peter.getByTestId("command-note").count(), "not in the channel view too").toBe(1);
  });
});

/** The receiver's call with this text, once it came. */
async function waitForCall(text: string): Promise<(typeof calls)[number]> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = calls.find((c) => c.text === text);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no callback with text "${text}"`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
