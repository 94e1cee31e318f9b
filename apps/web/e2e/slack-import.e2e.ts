// Issue 13's must-show for `clickclack import slack`: an export in Slack's format (built here) is imported by
// the CLI into the running server's data directory, and the web app shows the channel with its thread and
// reactions, as Slack had them, without a restart.

import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, row, seen, shot, waitText } from "./helpers";
import { startServer, type RunningServer } from "./server";

let server: RunningServer;
let browser: Browser;
let page: Page;

/** A zip of stored (uncompressed) files: all a Slack export needs to be, and no zip library to add. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, "utf8");
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const EXPORT = {
  // The dev user's email: Slack's owner becomes this browser's user, who then owns the imported workspace.
  "users.json": JSON.stringify([
    {
      id: "U1",
      name: "dev",
      is_owner: true,
      profile: { real_name: "Dev Lobster", email: "dev@localhost" },
    },
    { id: "U2", name: "bo", profile: { real_name: "Bo Shrimp", email: "bo@reef.example" } },
  ]),
  "channels.json": JSON.stringify([{ id: "C1", name: "general", topic: { value: "all hands" } }]),
  "general/2024-03-01.json": JSON.stringify([
    {
      type: "message",
      user: "U1",
      text: "Who is on duty tonight?",
      ts: "1709280001.000200",
      thread_ts: "1709280001.000200",
      reactions: [
        { name: "lobster", users: ["U1", "U2"], count: 2 },
        { name: "eyes", users: ["U2"], count: 1 },
      ],
    },
    {
      type: "message",
      user: "U2",
      text: "The lobster, as always",
      ts: "1709280005.000300",
      thread_ts: "1709280001.000200",
    },
    {
      type: "message",
      user: "U2",
      text: "Bring snacks",
      ts: "1709280009.000400",
      thread_ts: "1709280001.000200",
    },
  ]),
};

beforeAll(async () => {
  server = await startServer({ dev: true });
  browser = await launch();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.destroy();
});

describe("importing a Slack export", () => {
  it("shows the imported thread and reactions in the app", async () => {
    const file = join(server.dataDir, "slack-export.zip");
    await writeFile(file, zip(EXPORT));
    const summary = await server.cli(["import", "slack", file, "--workspace", "Slack Reef"]);
    expect(summary).toContain("1 message(s), 2 thread repl(ies), 3 reaction(s)");

    const { workspaces } = await call<{ workspaces: { id: string; name: string }[] }>(
      server.url,
      "GET",
      "/api/workspaces",
    );
    const reef = workspaces.find((w) => w.name === "Slack Reef")!;
    const { channels } = await call<{ channels: { id: string; name: string }[] }>(
      server.url,
      "GET",
      `/api/workspaces/${reef.id}/channels`,
    );
    const general = channels.find((c) => c.name === "general")!;
    await page.goto(`${server.url}/app/w/${reef.id}/c/${general.id}`);

    const root = row(page, "Who is on duty tonight?");
    expect(await seen(root)).toBe(true);
    expect(await waitText(root.getByTestId("reply-count"), "2 replies")).toBe("2 replies");
    expect(await seen(root.getByRole("button", { name: /🦞 2 reactions/ }))).toBe(true);
    expect(await seen(root.getByRole("button", { name: /👀 1 reaction/ }))).toBe(true);

    await root.getByTestId("reply-count").click();
    expect(await seen(page.getByText("The lobster, as always"))).toBe(true);
    expect(await seen(page.getByText("Bring snacks"))).toBe(true);
    await shot(page, "desktop-light-slack-import");

    const again = await server.cli(["import", "slack", file, "--workspace", "Slack Reef"]);
    expect(again).toContain("0 message(s), 0 thread repl(ies), 0 reaction(s)");
  });
});
