// Uploads and avatars (issue 12), in two real browsers against the real server. Peter (the --dev fallback
// user) drops a picture onto the timeline: a drop overlay, a progress bar while it uploads (the browser's
// upload is throttled with Chromium's own network emulation so a person could watch it), and Ari sees the
// preview appear in her window without a reload. Ari pastes a screenshot. A file over the server's limit
// (started with a small one) says so on its chip; a failed network is retried; an upload is cancelled.
// Peter uploads an avatar and Ari sees it on his author line. Screenshots in both themes.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CDPSession, Locator, Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, composer, gone, row, seen, shot, tokenFrom, WAIT_MS } from "./helpers";
import { png, wav } from "./media";
import { startServer, type RunningServer } from "./server";

const LIMIT_BYTES = 256 * 1024;
const GENERAL = /Message #general/;

let server: RunningServer;
let peterBrowser: Browser;
let ariBrowser: Browser;
let peter: Page;
let ari: Page;
let peterNet: CDPSession;
let generalUrl: string;

interface FileSpec {
  name: string;
  type: string;
  data: Buffer;
}

beforeAll(async () => {
  server = await startServer({
    dev: true,
    env: { CLICKCLACK_MAX_UPLOAD_BYTES: String(LIMIT_BYTES) },
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
  generalUrl = `${server.url}/app/w/${workspace.id}/c/${general.id}`;
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
  peterNet = await peterBrowser.context.newCDPSession(peter);
  await peterNet.send("Network.enable");
  const link = await server.cli(["admin", "magic-link", "create", "--email", "ari@example.com"]);
  await ari.goto(`${server.url}/app/login?token=${encodeURIComponent(tokenFrom(link))}`);
  await composer(ari, GENERAL);
  await peter.goto(generalUrl);
  await composer(peter, GENERAL);
});

afterAll(async () => {
  await peterBrowser?.close();
  await ariBrowser?.close();
  await server?.destroy();
});

/** Chromium's network emulation: the browser itself sends slowly (or not at all), as on a bad link. */
async function network(conditions: { offline?: boolean; uploadBytesPerSecond?: number }) {
  await peterNet.send("Network.emulateNetworkConditions", {
    offline: conditions.offline ?? false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: conditions.uploadBytesPerSecond ?? -1,
  });
}

const wire = (files: FileSpec[]) =>
  files.map((f) => ({ name: f.name, type: f.type, b64: f.data.toString("base64") }));

/** Drags files over the element (the overlay must show) and drops them, as the OS would. */
async function dropFiles(page: Page, target: Locator, files: FileSpec[]): Promise<void> {
  await target.evaluate((el, list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    (window as unknown as { dragged: DataTransfer }).dragged = dt;
    for (const type of ["dragenter", "dragover"])
      el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, wire(files));
  expect(await seen(page.getByTestId("drop-overlay"))).toBe(true);
  await target.evaluate((el) => {
    const dt = (window as unknown as { dragged: DataTransfer }).dragged;
    el.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  expect(await gone(page.getByTestId("drop-overlay"))).toBe(true);
}

/** Pastes files into a textbox the way a browser pastes a copied screenshot. */
async function pasteFiles(box: Locator, files: FileSpec[]): Promise<void> {
  await box.evaluate((el, list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    el.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, wire(files));
}

/** True once every <img> under the locator has loaded real pixels (a broken image has width 0). */
async function picturesLoaded(page: Page, scope: Locator): Promise<boolean> {
  await page.waitForFunction(
    (el) =>
      !!el &&
      [...el.querySelectorAll("img")].length > 0 &&
      [...el.querySelectorAll("img")].every((img) => img.complete && img.naturalWidth > 0),
    await scope.elementHandle(),
    { timeout: WAIT_MS },
  );
  return true;
}

const chip = (page: Page, name: string) =>
  page.getByTestId("upload-chip").filter({ hasText: name });

async function sendWith(page: Page, text: string): Promise<void> {
  const box = await composer(page, GENERAL);
  await box.click();
  await box.fill(text);
  await box.press("Enter");
}

describe("a picture dropped onto the timeline", () => {
  it("shows its progress, then appears previewed in the other person's window, live", async () => {
    await ari.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const picture = { name: "reef.png", type: "image/png", data: png(200, 150, { noise: true }) };
    await network({ uploadBytesPerSecond: 48 * 1024 });
    await dropFiles(peter, peter.getByTestId("timeline"), [picture]);

    // The bar moves while the bytes go (Chromium reports the throttled upload's progress).
    const bar = chip(peter, "reef.png").getByTestId("upload-progress");
    expect(await seen(bar)).toBe(true);
    await peter.waitForFunction(
      (el) => {
        const now = Number(el?.getAttribute("aria-valuenow") ?? 0);
        return now > 0 && now < 100;
      },
      await bar.elementHandle(),
      { timeout: WAIT_MS },
    );
    await shot(peter, "desktop-light-upload-progress");
    // Sending waits for the file: the button stays off until it is up.
    expect(await peter.getByRole("button", { name: "Send message" }).isDisabled()).toBe(true);
    await network({});
    expect(await gone(bar)).toBe(true);
    expect(await chip(peter, "reef.png").getAttribute("data-status")).toBe("done");

    await sendWith(peter, "the reef at noon");
    expect(await gone(peter.getByTestId("upload-chip"))).toBe(true);

    const onAri = row(ari, "the reef at noon");
    const preview = onAri.getByTestId("attachment-image");
    expect(await seen(preview)).toBe(true);
    expect(await picturesLoaded(ari, onAri)).toBe(true);
    // The box was reserved from the upload's own width and height (200×150 fits unscaled).
    const box = await preview.boundingBox();
    expect([Math.round(box!.width), Math.round(box!.height)]).toEqual([200, 150]);
    expect(await preview.locator("img").getAttribute("src")).toMatch(
      /\/api\/uploads\/upl_\w+\/thumbnail$/,
    );
    expect(await ari.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  });

  it("opens the lightbox on click; arrows step, Escape closes", async () => {
    const two = [
      { name: "one.png", type: "image/png", data: png(320, 200) },
      { name: "two.png", type: "image/png", data: png(120, 240, { seed: 3 }) },
    ];
    await dropFiles(peter, peter.getByTestId("timeline"), two);
    await peter.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="upload-chip"]')].filter(
          (c) => c.getAttribute("data-status") === "done",
        ).length === 2,
      undefined,
      { timeout: WAIT_MS },
    );
    await sendWith(peter, "two views");
    const onAri = row(ari, "two views");
    expect(await seen(onAri.getByTestId("attachment-image").nth(1))).toBe(true);
    await onAri.getByTestId("attachment-image").first().click();
    const box = ari.getByTestId("lightbox");
    expect(await seen(box)).toBe(true);
    expect(await box.getAttribute("aria-label")).toBe("one.png");
    expect(await picturesLoaded(ari, box)).toBe(true);
    await shot(ari, "desktop-light-lightbox");
    await ari.keyboard.press("ArrowRight");
    await ari.waitForFunction(
      () =>
        document.querySelector('[data-testid="lightbox"]')?.getAttribute("aria-label") ===
        "two.png",
      undefined,
      { timeout: WAIT_MS },
    );
    await ari.keyboard.press("ArrowRight");
    await ari.waitForFunction(
      () =>
        document.querySelector('[data-testid="lightbox"]')?.getAttribute("aria-label") ===
        "one.png",
      undefined,
      { timeout: WAIT_MS },
    );
    await ari.keyboard.press("Escape");
    expect(await gone(box)).toBe(true);
  });
});

describe("a pasted screenshot", () => {
  it("is attached to the message being written and arrives previewed", async () => {
    const box = await composer(ari, GENERAL);
    await box.click();
    await box.fill("look at this");
    await pasteFiles(box, [{ name: "image.png", type: "image/png", data: png(90, 60) }]);
    expect(await seen(chip(ari, "image.png"))).toBe(true);
    // Pasting a file leaves the text as it was.
    expect(await box.inputValue()).toBe("look at this");
    await ari.waitForFunction(
      () =>
        document.querySelector('[data-testid="upload-chip"]')?.getAttribute("data-status") ===
        "done",
      undefined,
      { timeout: WAIT_MS },
    );
    await box.press("Enter");
    const onPeter = row(peter, "look at this");
    expect(await seen(onPeter.getByTestId("attachment-image"))).toBe(true);
    expect(await picturesLoaded(peter, onPeter)).toBe(true);
  });
});

describe("a message of files alone", () => {
  it("goes without any text", async () => {
    const box = await composer(ari, GENERAL);
    await box.click();
    expect(await box.inputValue()).toBe("");
    await pasteFiles(box, [{ name: "only-a-picture.png", type: "image/png", data: png(70, 50) }]);
    await ari
      .locator('[data-testid="upload-chip"][data-status="done"]')
      .waitFor({ timeout: WAIT_MS });
    await box.press("Enter");
    const preview = peter.getByRole("button", { name: "Open only-a-picture.png" });
    expect(await seen(preview)).toBe(true);
    expect(
      await peter
        .getByTestId("message")
        .filter({ has: preview })
        .getByTestId("message-body")
        .count(),
    ).toBe(0);
  });
});

describe("files that do not make it", () => {
  it("says a file is too large in the server's words, and Retry and Remove work", async () => {
    const input = peter.getByTestId("file-input");
    const huge = {
      name: "huge.png",
      mimeType: "image/png",
      buffer: png(300, 300, { noise: true }),
    };
    expect(huge.buffer.length).toBeGreaterThan(LIMIT_BYTES);
    await input.setInputFiles(huge);
    const failed = chip(peter, "huge.png");
    expect(await seen(failed.getByRole("alert"))).toBe(true);
    expect(await failed.getByRole("alert").textContent()).toMatch(/too large/i);
    expect(await failed.getAttribute("data-status")).toBe("failed");
    // A failed file holds the message back rather than letting it go without it.
    await (await composer(peter, GENERAL)).fill("with the big one");
    expect(await peter.getByRole("button", { name: "Send message" }).isDisabled()).toBe(true);
    await shot(peter, "desktop-light-upload-too-large");

    await failed.getByRole("button", { name: "Retry" }).click();
    // Tried again, and refused again by the same limit.
    await peter.waitForFunction(
      () =>
        document.querySelector('[data-testid="upload-chip"]')?.getAttribute("data-status") ===
        "failed",
      undefined,
      { timeout: WAIT_MS },
    );
    await failed.getByRole("button", { name: "Remove huge.png" }).click();
    expect(await gone(failed)).toBe(true);
    expect(await peter.getByRole("button", { name: "Send message" }).isDisabled()).toBe(false);

    // Far past the limit the server refuses from the Content-Length alone, before reading the body.
    const far = { name: "far.png", mimeType: "image/png", buffer: png(600, 600, { noise: true }) };
    expect(far.buffer.length).toBeGreaterThan(LIMIT_BYTES + 64 * 1024);
    await input.setInputFiles(far);
    const farChip = chip(peter, "far.png");
    expect(await seen(farChip.getByRole("alert"))).toBe(true);
    expect(await farChip.getByRole("alert").textContent()).toMatch(/too large/i);
    await farChip.getByRole("button", { name: "Remove far.png" }).click();
    expect(await gone(farChip)).toBe(true);
    await (await composer(peter, GENERAL)).fill("");
  });

  it("says when the network failed, and Retry sends it once the network is back", async () => {
    await network({ offline: true });
    await peter.getByTestId("file-input").setInputFiles({
      name: "offline.png",
      mimeType: "image/png",
      buffer: png(64, 64),
    });
    const failed = chip(peter, "offline.png");
    expect(await seen(failed.getByRole("alert"))).toBe(true);
    expect(await failed.getByRole("alert").textContent()).toMatch(/no answer from the server/);
    await network({});
    await failed.getByRole("button", { name: "Retry" }).click();
    await peter.waitForFunction(
      () =>
        document.querySelector('[data-testid="upload-chip"]')?.getAttribute("data-status") ===
        "done",
      undefined,
      { timeout: WAIT_MS },
    );
    await sendWith(peter, "back online with a picture");
    expect(await seen(row(ari, "back online with a picture").getByTestId("attachment-image"))).toBe(
      true,
    );
  });

  it("cancels an upload in flight: its chip goes and the message goes without it", async () => {
    await network({ uploadBytesPerSecond: 16 * 1024 });
    await peter.getByTestId("file-input").setInputFiles({
      name: "slow.png",
      mimeType: "image/png",
      buffer: png(200, 200, { noise: true }),
    });
    const slow = chip(peter, "slow.png");
    expect(await seen(slow.getByTestId("upload-progress"))).toBe(true);
    await slow.getByRole("button", { name: "Cancel upload of slow.png" }).click();
    expect(await gone(slow)).toBe(true);
    await network({});
    await sendWith(peter, "never mind the slow one");
    const sent = row(ari, "never mind the slow one");
    expect(await seen(sent)).toBe(true);
    expect(await sent.getByTestId("attachment-image").count()).toBe(0);
  });
});

describe("a file that is not a picture", () => {
  it("shows as a chip with its name, type, size and a download link", async () => {
    await dropFiles(peter, peter.getByTestId("timeline"), [
      { name: "notes.txt", type: "text/plain", data: Buffer.from("tide tables\n".repeat(200)) },
    ]);
    await peter.waitForFunction(
      () =>
        document.querySelector('[data-testid="upload-chip"]')?.getAttribute("data-status") ===
        "done",
      undefined,
      { timeout: WAIT_MS },
    );
    await sendWith(peter, "the notes");
    const file = row(ari, "the notes").getByTestId("attachment-file");
    expect(await seen(file)).toBe(true);
    const text = await file.textContent();
    expect(text).toContain("notes.txt");
    expect(text).toContain("2.3 KB");
    const href = await file.getByRole("link", { name: "Download notes.txt" }).getAttribute("href");
    const bytes = await ari.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(bytes).toBe("tide tables\n".repeat(200));
  });
});

describe("audio, and a picture dropped on a thread", () => {
  it("plays a sound file in the message (the player loads it from the server)", async () => {
    await dropFiles(peter, peter.getByTestId("timeline"), [
      { name: "beep.wav", type: "audio/wav", data: wav(0.5) },
    ]);
    await peter.waitForFunction(
      () =>
        document.querySelector('[data-testid="upload-chip"]')?.getAttribute("data-status") ===
        "done",
      undefined,
      { timeout: WAIT_MS },
    );
    await sendWith(peter, "the new notification sound");
    const file = row(ari, "the new notification sound").getByTestId("attachment-file");
    expect(await seen(file)).toBe(true);
    expect(await file.getAttribute("data-kind")).toBe("audio");
    expect(await file.textContent()).toContain("WAV audio");
    // The browser fetched the file and knows how long it plays: the player works, not just its frame.
    await ari.waitForFunction(
      (el) => {
        const audio = el?.querySelector("audio");
        return !!audio && audio.readyState >= 1 && Math.abs(audio.duration - 0.5) < 0.05;
      },
      await file.elementHandle(),
      { timeout: WAIT_MS },
    );
  });

  it("attaches a picture dropped onto the thread pane to the reply", async () => {
    const root = row(peter, "the reef at noon");
    await root.hover();
    await root.getByRole("link", { name: "Reply in thread" }).click();
    const pane = peter.getByTestId("thread-pane");
    expect(await seen(pane)).toBe(true);
    // Dropped over the thread's root message, inside the pane.
    await dropFiles(peter, pane.getByTestId("message").first(), [
      { name: "close-up.png", type: "image/png", data: png(80, 80) },
    ]);
    await pane
      .locator('[data-testid="upload-chip"][data-status="done"]')
      .waitFor({ timeout: WAIT_MS });
    // The channel's composer did not get it: the drop went to the thread.
    expect(await peter.locator("section.channel").getByTestId("upload-chip").count()).toBe(0);
    const box = pane.getByRole("textbox", { name: "Reply…" });
    await box.fill("close-up");
    await box.press("Enter");
    const reply = pane.getByTestId("message").filter({ hasText: "close-up" });
    expect(await seen(reply.getByTestId("attachment-image"))).toBe(true);
    expect(await picturesLoaded(peter, reply)).toBe(true);
    await shot(peter, "desktop-light-thread-upload");
    await peter.keyboard.press("Escape");
    expect(await gone(pane)).toBe(true);
  });
});

describe("an uploaded avatar", () => {
  it("shows on the author line in the other person's window, live", async () => {
    const author = row(ari, "the reef at noon").locator("button.who").first();
    expect(await author.locator("img").count()).toBe(0);
    await peter.getByTestId("me").click();
    const dialog = peter.getByTestId("profile-dialog");
    await dialog.waitFor({ timeout: WAIT_MS });
    await dialog.getByTestId("avatar-input").setInputFiles({
      name: "face.png",
      mimeType: "image/png",
      buffer: png(400, 300, { seed: 11 }),
    });
    const img = author.locator("img");
    expect(await seen(img)).toBe(true);
    expect(await img.getAttribute("src")).toMatch(/^\/api\/avatars\/upl_\w+$/);
    expect(await picturesLoaded(ari, author)).toBe(true);
    // Peter's own card at the foot of the sidebar follows too.
    expect(await seen(peter.getByTestId("me").locator("img"))).toBe(true);
    await shot(peter, "desktop-light-avatar-upload");
    await peter.keyboard.press("Escape");
    expect(await gone(dialog)).toBe(true);
  });
});

describe("screenshots", () => {
  it("captures previews, the composer tray and the drop overlay in light and dark", async () => {
    for (const theme of ["light", "dark"] as const) {
      await peter.evaluate((t) => localStorage.setItem("clickclack.theme", t), theme);
      await peter.reload();
      await composer(peter, GENERAL);
      await picturesLoaded(peter, row(peter, "two views"));
      await peter.getByTestId("file-input").setInputFiles([
        { name: "draft-diagram.png", mimeType: "image/png", buffer: png(100, 80) },
        { name: "too-big.png", mimeType: "image/png", buffer: png(300, 300, { noise: true }) },
      ]);
      await seen(chip(peter, "too-big.png").getByRole("alert"));
      await peter.waitForFunction(
        () =>
          document.querySelector('[data-testid="upload-chip"]')?.getAttribute("data-status") ===
          "done",
        undefined,
        { timeout: WAIT_MS },
      );
      await shot(peter, `desktop-${theme}-uploads`);
      for (const name of ["draft-diagram.png", "too-big.png"])
        await chip(peter, name)
          .getByRole("button", { name: `Remove ${name}` })
          .click();

      // The overlay while files are dragged over the timeline (then the drag leaves again).
      await peter.getByTestId("timeline").evaluate((el) => {
        const dt = new DataTransfer();
        dt.items.add(new File(["x"], "x.png", { type: "image/png" }));
        (window as unknown as { dragged: DataTransfer }).dragged = dt;
        el.dispatchEvent(new DragEvent("dragenter", { dataTransfer: dt, bubbles: true }));
      });
      await seen(peter.getByTestId("drop-overlay"));
      await shot(peter, `desktop-${theme}-drop-overlay`);
      await peter.getByTestId("timeline").evaluate((el) => {
        const dt = (window as unknown as { dragged: DataTransfer }).dragged;
        el.dispatchEvent(new DragEvent("dragleave", { dataTransfer: dt, bubbles: true }));
      });
      expect(await gone(peter.getByTestId("drop-overlay"))).toBe(true);
    }
  });
});
