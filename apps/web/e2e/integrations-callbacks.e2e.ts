// The Integrations dialog's callback sections in a real browser, against real receivers on loopback (the
// server runs with CLICKCLACK_ALLOWED_CALLBACK_HOSTS=127.0.0.1, so 127.0.0.1 passes the callback safety rules
// while a private address is still refused). Peter, the owner, registers /deploy → a node:http receiver and
// sees its secret once; invoking /deploy from the composer reaches the receiver with a signature that checks
// out against that secret, and its in-channel reply appears. He subscribes another receiver to all events,
// posts a message, and the delivery log shows it delivered with response code 200; pausing shows "paused".
// The screenshots run after it, so they show the paused subscription and its log.
// Screenshots of both sections in both themes.

import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, composer, gone, row, seen, send, shot, WAIT_MS } from "./helpers";
import { startServer, type RunningServer } from "./server";

const GENERAL = /Message #general/;

interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A loopback receiver: records every request and answers with `reply(request)`. */
class Receiver {
  readonly requests: Received[] = [];
  private waiters: { test: (r: Received) => boolean; resolve: (r: Received) => void }[] = [];
  private server: Server;

  constructor(private reply: (r: Received) => { status: number; body: string }) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const got = {
          path: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        };
        this.requests.push(got);
        const answer = this.reply(got);
        res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
        this.waiters = this.waiters.filter((w) => (w.test(got) ? (w.resolve(got), false) : true));
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves with the first request (already received or still to come) that passes the test. */
  next(test: (r: Received) => boolean): Promise<Received> {
    const had = this.requests.find(test);
    if (had) return Promise.resolve(had);
    return new Promise((resolve, reject) => {
      this.waiters.push({ test, resolve });
      setTimeout(() => reject(new Error("no such request arrived")), WAIT_MS);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Whether the request carries `sha256=HMAC(secret, timestamp + "." + body)`, as docs/api.md says. */
function signedWith(secret: string, r: Received): boolean {
  const ts = String(r.headers["x-clickclack-timestamp"] ?? "");
  const expected = "sha256=" + createHmac("sha256", secret).update(`${ts}.${r.body}`).digest("hex");
  return ts !== "" && r.headers["x-clickclack-signature"] === expected;
}

let server: RunningServer;
let browser: Browser;
let peter: Page;
let commandSecret = "";
let subscriptionSecret = "";

const commandReceiver = new Receiver((r) =>
  signedWith(commandSecret, r)
    ? {
        status: 200,
        body: JSON.stringify({
          response_type: "in_channel",
          text: `deploying ${new URLSearchParams(r.body).get("text")} (signature ok)`,
        }),
      }
    : { status: 401, body: "{}" },
);
const eventReceiver = new Receiver(() => ({ status: 200, body: "{}" }));
let commandBase: string;
let eventBase: string;

beforeAll(async () => {
  [commandBase, eventBase] = await Promise.all([commandReceiver.listen(), eventReceiver.listen()]);
  server = await startServer({
    dev: true,
    env: { CLICKCLACK_ALLOWED_CALLBACK_HOSTS: "127.0.0.1" },
  });
  await call(server.url, "PATCH", "/api/me", { display_name: "Peter", handle: "peter" });
  const workspaceId = (
    await call<{ workspaces: { id: string }[] }>(server.url, "GET", "/api/workspaces")
  ).workspaces[0]!.id;
  const generalId = (
    await call<{ channels: { id: string; name: string }[] }>(
      server.url,
      "GET",
      `/api/workspaces/${workspaceId}/channels`,
    )
  ).channels.find((c) => c.name === "general")!.id;
  browser = await launch();
  peter = await browser.context.newPage();
  await peter.goto(`${server.url}/app/w/${workspaceId}/c/${generalId}`);
  await composer(peter, GENERAL);
});

afterAll(async () => {
  await browser?.close();
  await server?.destroy();
  await Promise.all([commandReceiver.close(), eventReceiver.close()]);
});

const dialog = () => peter.getByTestId("integrations-dialog");

async function openIntegrations(tab: "Slash commands" | "Outgoing events"): Promise<void> {
  if (!(await dialog().isVisible())) {
    await peter.getByTestId("integrations").click();
    await dialog().waitFor({ timeout: WAIT_MS });
  }
  await dialog().getByRole("tab", { name: tab }).click();
}

async function closeIntegrations(): Promise<void> {
  await peter.keyboard.press("Escape");
  expect(await gone(dialog())).toBe(true);
}

describe("registered slash commands", () => {
  it("refuses a private callback address with the server's reason, inline", async () => {
    await openIntegrations("Slash commands");
    await dialog().getByRole("textbox", { name: "Trigger" }).fill("internal");
    await dialog().getByRole("textbox", { name: "Callback URL" }).fill("http://10.0.0.1/hook");
    await dialog().getByRole("button", { name: "Register command" }).click();
    const alert = dialog().getByRole("alert");
    expect(await seen(alert)).toBe(true);
    expect(await alert.textContent()).toContain("is not allowed");
    expect(await dialog().getByTestId("command").count()).toBe(0);
  });

  it("registers /deploy, shows its secret once, and the composer's /deploy reaches the receiver signed", async () => {
    await dialog().getByRole("textbox", { name: "Trigger" }).fill("/deploy");
    await dialog().getByRole("textbox", { name: "Callback URL" }).fill(`${commandBase}/deploy`);
    await dialog().getByRole("textbox", { name: "Description" }).fill("Deploy a service");
    await dialog().getByRole("textbox", { name: "Usage hint" }).fill("[service]");
    await dialog().getByRole("button", { name: "Register command" }).click();
    const field = dialog().getByTestId("command-secret");
    expect(await seen(field)).toBe(true);
    commandSecret = await field.inputValue();
    expect(commandSecret).toMatch(/^ccs_/);
    const listed = dialog().getByTestId("command").filter({ hasText: "/deploy" });
    expect(await listed.textContent()).toContain("Deploy a service");
    expect(await listed.textContent()).toContain(`${commandBase}/deploy`);
    expect(await dialog().getByText("X-ClickClack-Signature", { exact: false }).count()).toBe(1);

    // Once: reopened, the command is listed and its secret is not.
    await closeIntegrations();
    await openIntegrations("Slash commands");
    expect(await seen(dialog().getByTestId("command").filter({ hasText: "/deploy" }))).toBe(true);
    expect(await dialog().getByTestId("command-secret").count()).toBe(0);
    await closeIntegrations();

    // The composer learns the new command without a reload: typing its start suggests it.
    const box = await composer(peter, GENERAL);
    await box.click();
    await box.fill("/depl");
    const suggestion = peter
      .getByTestId("command-autocomplete")
      .getByRole("option")
      .filter({ hasText: "/deploy" });
    expect(await seen(suggestion)).toBe(true);
    expect(await suggestion.textContent()).toContain("Deploy a service");
    await send(peter, GENERAL, "/deploy api");
    const got = await commandReceiver.next((r) => r.path === "/deploy");
    expect(signedWith(commandSecret, got)).toBe(true);
    expect(new URLSearchParams(got.body).get("command")).toBe("/deploy");
    expect(await seen(row(peter, "deploying api (signature ok)"))).toBe(true);
  });

  it("rotates the secret (shown once again) and revokes after a confirmation", async () => {
    await openIntegrations("Slash commands");
    const listed = dialog().getByTestId("command").filter({ hasText: "/deploy" });
    await listed.getByRole("button", { name: "Rotate secret" }).click();
    const field = dialog().getByTestId("command-secret");
    expect(await seen(field)).toBe(true);
    const rotated = await field.inputValue();
    expect(rotated).toMatch(/^ccs_/);
    expect(rotated).not.toBe(commandSecret);
    commandSecret = rotated;
    await shot(peter, "desktop-light-integrations-commands");

    await listed.getByRole("button", { name: "Revoke" }).click();
    // The first press only asks; focus waits on Cancel.
    expect(await dialog().getByTestId("command").count()).toBe(1);
    await listed
      .getByRole("group", { name: "Revoke /deploy?" })
      .getByRole("button", { name: "Revoke" })
      .click();
    expect(await gone(dialog().getByTestId("command"))).toBe(true);
    expect(await seen(dialog().getByText("No registered commands yet", { exact: false }))).toBe(
      true,
    );
    await closeIntegrations();
  });
});

describe("outgoing event subscriptions", () => {
  it("subscribes to all events, delivers a posted message with a 200, and pauses", async () => {
    await openIntegrations("Outgoing events");
    expect(await seen(dialog().getByText("No event subscriptions yet", { exact: false }))).toBe(
      true,
    );
    await dialog().getByRole("textbox", { name: "Callback URL" }).fill(`${eventBase}/events`);
    await dialog().getByRole("button", { name: "Subscribe" }).click();
    const field = dialog().getByTestId("subscription-secret");
    expect(await seen(field)).toBe(true);
    subscriptionSecret = await field.inputValue();
    expect(subscriptionSecret).toMatch(/^ccs_/);
    const sub = dialog().getByTestId("subscription").first();
    expect(await sub.textContent()).toContain("all events");
    expect(await sub.getByTestId("subscription-status").textContent()).toBe("active");

    await sub.getByRole("button", { name: "Deliveries" }).click();
    expect(await seen(sub.getByText("No deliveries yet"))).toBe(true);
    await closeIntegrations();

    await send(peter, GENERAL, "hello, subscribers");
    expect(await seen(row(peter, "hello, subscribers"))).toBe(true);
    const got = await eventReceiver.next(
      (r) =>
        r.headers["x-clickclack-event"] === "message.created" &&
        r.body.includes("hello, subscribers"),
    );
    expect(signedWith(subscriptionSecret, got)).toBe(true);

    await openIntegrations("Outgoing events");
    const reopened = dialog().getByTestId("subscription").first();
    await reopened.getByRole("button", { name: "Deliveries" }).click();
    const delivered = reopened
      .getByTestId("delivery")
      .filter({ hasText: "message.created" })
      .filter({ hasText: "delivered" });
    // The receiver has answered; the server records the success in its own transaction right after, so
    // Refresh until the log shows it (a condition, bounded by WAIT_MS, not a fixed sleep).
    const refresh = reopened.getByRole("button", { name: "Refresh" });
    const until = Date.now() + WAIT_MS;
    while ((await delivered.count()) === 0 && Date.now() < until) {
      await refresh.click();
      await peter.waitForFunction(
        () => !document.querySelector('[data-testid="delivery-log"] button:disabled'),
        undefined,
        { timeout: WAIT_MS },
      );
    }
    expect(await seen(delivered)).toBe(true);
    expect(await delivered.first().getByTestId("delivery-code").textContent()).toBe("200");
    await shot(peter, "desktop-light-integrations-events");

    await reopened.getByRole("button", { name: "Pause" }).click();
    const status = reopened.getByTestId("subscription-status");
    await peter.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="subscription-status"]')
          ?.textContent?.startsWith("paused"),
      undefined,
      { timeout: WAIT_MS },
    );
    expect(await status.textContent()).toMatch(/^paused/);
    expect(await status.textContent()).toBe("paused by a person");
    expect(await seen(reopened.getByRole("button", { name: "Resume" }))).toBe(true);
    await shot(peter, "desktop-light-integrations-events-paused");
    await closeIntegrations();
  });
});

describe("screenshots", () => {
  it("captures both sections in light and dark", async () => {
    for (const theme of ["light", "dark"] as const) {
      await peter.evaluate((t) => localStorage.setItem("clickclack.theme", t), theme);
      await peter.reload();
      await composer(peter, GENERAL);
      await openIntegrations("Slash commands");
      expect(await seen(dialog().getByText("No registered commands yet", { exact: false }))).toBe(
        true,
      );
      await shot(peter, `desktop-${theme}-integrations-commands-empty`);
      await openIntegrations("Outgoing events");
      const sub = dialog().getByTestId("subscription").first();
      await sub.getByRole("button", { name: "Deliveries" }).click();
      expect(await seen(sub.getByTestId("delivery"))).toBe(true);
      await shot(peter, `desktop-${theme}-integrations-events-log`);
      await closeIntegrations();
    }
  });
});
