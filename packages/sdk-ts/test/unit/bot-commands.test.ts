// ClickClackBot's slash-command listener over real sockets: a signed Mattermost-shaped form in, the
// handler's reply out; forged, stale and unsigned requests never reach a handler; a slow handler's
// answer goes to response_url.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { ClickClackBot, type CommandListener, type SlashCommand } from "../../src/index.ts";

const SECRET = "cmd-secret";
let bot: ClickClackBot;
let listener: CommandListener;
const closers: Array<() => Promise<void>> = [];

afterEach(async () => {
  await bot?.stop();
  for (const close of closers.splice(0)) await close();
});

async function startBot(
  register: (bot: ClickClackBot) => void,
  options: { immediateReplyMs?: number } = {},
) {
  // Commands need no realtime connection, so the bot is never started against a server here.
  bot = new ClickClackBot({ url: "http://127.0.0.1:1", token: "ccb_unused", workspaceId: "wsp_1" });
  register(bot);
  listener = await bot.listen({ secret: SECRET, ...options });
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams({
    command: "/claw",
    text: "",
    channel_id: "chn_1",
    channel_name: "general",
    team_id: "wsp_1",
    user_id: "usr_1",
    user_name: "ann",
    response_url: "http://127.0.0.1:1/none",
    trigger_id: "trg_1",
    ...fields,
  }).toString();
}

function post(body: string, headers: Record<string, string> = sign(body)) {
  return fetch(listener.url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
  });
}

function sign(body: string, secret = SECRET, timestamp = Math.floor(Date.now() / 1000)) {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return { "x-clickclack-timestamp": String(timestamp), "x-clickclack-signature": `sha256=${mac}` };
}

describe("ClickClackBot commands", () => {
  it("answers a signed /claw with the handler's in-channel reply, with the fields parsed", async () => {
    const seen: SlashCommand[] = [];
    await startBot((b) =>
      b.command("/claw", (cmd) => {
        seen.push(cmd);
        return `🦞 snip: ${cmd.text}`;
      }),
    );
    const response = await post(form({ text: "  open the tank " }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      response_type: "in_channel",
      text: "🦞 snip: open the tank",
    });
    expect(seen).toEqual([
      {
        command: "/claw",
        text: "open the tank",
        channelId: "chn_1",
        channelName: "general",
        teamId: "wsp_1",
        userId: "usr_1",
        userName: "ann",
        responseUrl: "http://127.0.0.1:1/none",
        triggerId: "trg_1",
      },
    ]);
  });

  it("passes an ephemeral answer through and says so for a command it does not handle", async () => {
    await startBot((b) =>
      b.command("claw", () => ({ text: "only you", response_type: "ephemeral" })),
    );
    expect(await (await post(form({}))).json()).toEqual({
      response_type: "ephemeral",
      text: "only you",
    });
    const other = await post(form({ command: "/deploy" }));
    expect(await other.json()).toEqual({
      response_type: "ephemeral",
      text: "/deploy is not handled here",
    });
  });

  it("refuses forged, stale and unsigned requests before any handler runs", async () => {
    let calls = 0;
    await startBot((b) => b.command("/claw", () => void calls++));
    const body = form({ text: "x" });
    const stale = sign(body, SECRET, Math.floor(Date.now() / 1000) - 301);
    const answers = await Promise.all([
      post(body, sign(body, "wrong-secret")),
      post(body, stale),
      post(body, {}),
      post(form({ text: "tampered" }), sign(body)),
    ]);
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    const reasons = await Promise.all(
      answers.map(async (a) => ((await a.json()) as { error: string }).error),
    );
    expect(reasons).toEqual([
      "signature mismatch",
      "stale X-ClickClack-Timestamp (more than 5 minutes off)",
      "missing or malformed X-ClickClack-Timestamp",
      "signature mismatch",
    ]);
    expect(calls).toBe(0);
    expect((await fetch(listener.url)).status).toBe(405);
  });

  it("acknowledges a slow handler at once and posts its answer to response_url", async () => {
    const delivered = await receiver();
    let release: (() => void) | undefined;
    const released = new Promise<void>((done) => (release = done));
    await startBot(
      (b) =>
        b.command("/claw", async () => {
          await released;
          return "done digging";
        }),
      { immediateReplyMs: 50 },
    );
    const response = await post(form({ response_url: delivered.url }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    release?.();
    expect(await delivered.body).toEqual({ response_type: "in_channel", text: "done digging" });
  });
});

/** A real HTTP receiver standing in for the server's response_url. */
async function receiver(): Promise<{ url: string; body: Promise<unknown> }> {
  let got: ((body: unknown) => void) | undefined;
  const body = new Promise<unknown>((done) => (got = done));
  const server: Server = createServer((req, res) => {
    let text = "";
    req.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    req.on("end", () => {
      res.writeHead(200).end("{}");
      got?.(JSON.parse(text));
    });
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  closers.push(() => new Promise((done) => server.close(() => done())));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/hooks/response`, body };
}
