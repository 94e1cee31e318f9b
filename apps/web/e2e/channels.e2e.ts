// Preview before joining (issue 11), in a real browser: Ari opens a public channel she has not joined from the
// channel browser. It shows read-only — its messages, a Join bar where the composer would be — and stays
// live while on screen (her socket sends the view signal: a public channel's events otherwise reach its
// members only). Joining turns the bar into the composer and puts the channel in her sidebar.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, composer, gone, row, seen, send, shot, tokenFrom, WAIT_MS } from "./helpers";
import { startServer, type RunningServer } from "./server";

interface Channel {
  id: string;
  name: string;
}

let server: RunningServer;
let ariBrowser: Browser;
let ari: Page;
let workspaceId: string;

beforeAll(async () => {
  server = await startServer({ dev: true });
  await call(server.url, "PATCH", "/api/me", { display_name: "Peter", handle: "peter" });
  workspaceId = (await call<{ workspaces: { id: string }[] }>(server.url, "GET", "/api/workspaces")).workspaces[0]!
    .id;
  await server.cli(["admin", "user", "create", "--name", "Ari", "--email", "ari@example.com", "--workspace", workspaceId]);
  ariBrowser = await launch();
  ari = await ariBrowser.context.newPage();
  const link = await server.cli(["admin", "magic-link", "create", "--email", "ari@example.com"]);
  await ari.goto(`${server.url}/app/login?token=${encodeURIComponent(tokenFrom(link))}`);
  await composer(ari, /Message #general/);
});

afterAll(async () => {
  await ariBrowser?.close();
  await server?.destroy();
});

describe("preview before joining", () => {
  it("opens an unjoined public channel read-only, live, with a Join bar", async () => {
    // Peter (the dev user, over the API) makes #tidepool after Ari joined: she is not in it.
    const tide = (
      await call<{ channel: Channel }>(server.url, "POST", `/api/workspaces/${workspaceId}/channels`, {
        name: "tidepool",
      })
    ).channel;
    await call(server.url, "POST", `/api/channels/${tide.id}/messages`, { body: "Low tide at six" });

    const sidebar = ari.getByRole("navigation", { name: "Channels" });
    await sidebar.getByRole("button", { name: "Browse channels" }).click();
    await ari.getByRole("dialog", { name: "Browse channels" }).getByRole("button", { name: "Preview #tidepool" }).click();
    await ari.waitForURL(new RegExp(`/c/${tide.id}`), { timeout: WAIT_MS });

    expect(await seen(row(ari, "Low tide at six"))).toBe(true);
    const bar = ari.getByRole("region", { name: "Preview of #tidepool" });
    expect(await seen(bar)).toBe(true);
    expect(await ari.getByRole("textbox", { name: /Message #tidepool/ }).count()).toBe(0);
    expect(await sidebar.getByRole("link", { name: /tidepool/ }).count()).toBe(0);

    // Live while previewed: a message posted now appears without a reload.
    await call(server.url, "POST", `/api/channels/${tide.id}/messages`, { body: "Crabs sighted on the north rocks" });
    expect(await seen(row(ari, "Crabs sighted on the north rocks"))).toBe(true);
    await shot(ari, "channel-preview");

    await bar.getByRole("button", { name: "Join #tidepool" }).click();
    expect(await gone(bar)).toBe(true);
    expect(await seen(sidebar.getByRole("link", { name: /tidepool/ }))).toBe(true);
    await send(ari, /Message #tidepool/, "Joining the count");
    // Shown at once while sending; the server has it once the row is no longer pending.
    expect(await seen(row(ari, "Joining the count").and(ari.locator(":not(.pending)")))).toBe(true);
    const { messages } = await call<{ messages: { body: string }[] }>(
      server.url,
      "GET",
      `/api/channels/${tide.id}/messages?mode=latest&limit=10`,
    );
    expect(messages.map((m) => m.body)).toContain("Joining the count");
  });
});
