// From an invite link to a member of the workspace, in real browsers and with real mail: the owner makes
// an invite in the web app, a newcomer's browser (another profile) opens the link, asks for a sign-in link
// by email, follows the link from the mail (read from a real SMTP server) and lands in #general.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launch, type Browser } from "./browser";
import { call, gone, seen, shot, tokenFrom, waitText, WAIT_MS } from "./helpers";
import { signInLink, startMailbox, type Mailbox } from "./mailbox";
import { startServer, type RunningServer } from "./server";

let mailbox: Mailbox;
let server: RunningServer;
let ownerBrowser: Browser;
let newcomerBrowser: Browser;
let owner: Page;
let newcomer: Page;
let inviteLink = "";

beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startServer({
    env: {
      CLICKCLACK_SMTP_URL: `smtp://${mailbox.user}:${mailbox.password}@127.0.0.1:${mailbox.port}`,
      CLICKCLACK_SMTP_FROM: "ClickClack <chat@reef.test>",
    },
  });
  await server.cli(["admin", "bootstrap", "--name", "Olive", "--email", "olive@reef.test", "--workspace", "Tide Pool"]);
  ownerBrowser = await launch();
  newcomerBrowser = await launch();
  owner = await ownerBrowser.context.newPage();
  newcomer = await newcomerBrowser.context.newPage();
});

afterAll(async () => {
  await ownerBrowser?.close();
  await newcomerBrowser?.close();
  await server?.destroy();
  await mailbox?.close();
});

describe("joining by invite link and email", () => {
  it("lets the owner create an invite link in the web app", async () => {
    const token = tokenFrom(await server.cli(["admin", "magic-link", "create", "--email", "olive@reef.test"]));
    await owner.goto(`${server.url}/app/login?token=${token}`);
    await owner.waitForURL(/\/app\/w\/[^/]+\/c\/[^/]+$/, { timeout: WAIT_MS });

    await owner.getByTestId("invite-people").click();
    const dialog = owner.getByTestId("invite-dialog");
    await dialog.getByLabel("Max uses").selectOption("5");
    await dialog.getByTestId("create-invite").click();
    const field = dialog.getByTestId("invite-link");
    expect(await seen(field)).toBe(true);
    inviteLink = await field.inputValue();
    expect(inviteLink).toMatch(new RegExp(`^${server.url}/app/invite/cci_`));
    expect(await waitText(dialog.getByTestId("invite-list"), "0 of 5 used")).toContain("expires in 7 days");
    await shot(owner, "desktop-light-invite-dialog");
    await dialog.getByRole("button", { name: "Done" }).click();
  });

  it("shows a newcomer the workspace and lets them ask for a link by email", async () => {
    await newcomer.goto(inviteLink);
    expect(await waitText(newcomer.getByTestId("invite-workspace"), "Tide Pool")).toBe("Tide Pool");
    const email = newcomer.getByPlaceholder("you@example.com");
    expect(await seen(email)).toBe(true);
    // The options render together, from one answer: this server has email links but no GitHub.
    expect(await newcomer.getByTestId("github-sign-in").count()).toBe(0);
    await email.fill("newcomer@reef.test");
    await newcomer.getByRole("button", { name: "Email me a sign-in link" }).click();
    expect(await waitText(newcomer.getByTestId("link-sent"), "newcomer@reef.test")).toContain("Check your inbox");
    await shot(newcomer, "desktop-light-invite-link-sent");
  });

  it("follows the mailed link back to the invite, joins, and lands in #general", async () => {
    const mail = await mailbox.next("newcomer@reef.test");
    const link = signInLink(mail);
    expect(link.startsWith(`${server.url}/app/login?token=ccm_`)).toBe(true);

    await newcomer.goto(link);
    await newcomer.waitForURL(/\/app\/invite\/cci_/, { timeout: WAIT_MS });
    await newcomer.getByTestId("join").click();

    await newcomer.waitForURL(/\/app\/w\/[^/]+\/c\/[^/]+$/, { timeout: WAIT_MS });
    expect(await waitText(newcomer.locator("h1"), "general")).toBe("#general");
    expect(await seen(newcomer.getByRole("navigation", { name: "Channels" }).getByText("Tide Pool"))).toBe(true);
    await shot(newcomer, "desktop-light-invitee-in-general");
  });

  it("counts the use in the owner's invite list", async () => {
    await owner.getByTestId("invite-people").click();
    expect(await waitText(owner.getByTestId("invite-list"), "1 of 5 used")).toContain("1 of 5 used");
  });

  it("says plainly when a link was revoked, or never existed", async () => {
    // The owner's dialog is still open from the previous step.
    await owner.getByTestId("invite-list").getByRole("button", { name: "Revoke" }).click();
    expect(await waitText(owner.getByTestId("invite-list"), "revoked")).toContain("1 of 5 used · revoked");

    const other = await newcomerBrowser.context.newPage();
    await other.goto(inviteLink);
    expect(await waitText(other.getByTestId("invite-problem"), "revoked")).toBe(
      "This invite was revoked; ask for a new one.",
    );
    await other.goto(`${server.url}/app/invite/cci_not-a-real-invite-token`);
    expect(await waitText(other.getByTestId("invite-problem"), "not valid")).toContain("not valid");
    await other.close();
  });
});

describe("where you are signed in", () => {
  it("lists this browser and an API token in the profile dialog, and signs the token out", async () => {
    const apiToken = await server.cli(["admin", "token", "create", "--email", "olive@reef.test"]);
    await owner.keyboard.press("Escape");
    await owner.getByTestId("me").click();
    const list = owner.getByTestId("session-list");
    expect(await waitText(list, "API token")).toContain("This browser");
    expect(await call(server.url, "GET", "/api/me", undefined, apiToken)).toHaveProperty("user");

    await list.getByRole("listitem").filter({ hasText: "API token" }).getByRole("button", { name: "Sign out" }).click();

    expect(await gone(list.getByText("API token"))).toBe(true);
    await expect(call(server.url, "GET", "/api/me", undefined, apiToken)).rejects.toThrow(/401/);
    await shot(owner, "desktop-light-sessions");
  });
});
