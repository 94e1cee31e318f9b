// The example bot end to end: the real server jar, a real bot account, the bot as its own process
// (`tsx src/bot.ts`, as `npm start` runs it), and an owner who talks to it over the SDK. A mention is
// answered in its thread, "lobster" gets a 🦞, /claw (a registered command, delivered as a signed
// callback) posts in the channel, and every message posted around a server restart is answered once.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { ClickClackClient, isEventType, type Message, type User } from "@clickclack/sdk";
import { startServer, type RunningServer } from "../../../packages/sdk-ts/test/server.ts";
import { Recorder } from "../../../packages/sdk-ts/test/integration/recorder.ts";

const BOT_DIR = fileURLToPath(new URL("..", import.meta.url));
const TSX = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));
const SCOPES = [
  "channels:read",
  "messages:read",
  "messages:write",
  "threads:write",
  "reactions:write",
  "realtime:read",
];

let server: RunningServer;
let owner: ClickClackClient;
let lobster: User;
let workspaceId: string;
let generalId: string;
let bot: BotProcess;
const watch = new Recorder();

beforeAll(async () => {
  // The /claw callback goes to the bot on loopback, which the callback safety rules refuse unless allowed.
  server = await startServer({ env: { CLICKCLACK_ALLOWED_CALLBACK_HOSTS: "127.0.0.1" } });
  await server.cli([
    "admin",
    "bootstrap",
    "--name",
    "Ann",
    "--email",
    "ann@example.com",
    "--workspace",
    "Reef",
  ]);
  owner = new ClickClackClient({
    baseUrl: server.url,
    token: await server.cli(["admin", "token", "create", "--email", "ann@example.com"]),
  });
  workspaceId = (await owner.workspaces.list())[0]!.id;
  generalId = (await owner.channels.list(workspaceId)).find((c) => c.name === "general")!.id;

  const scopes = SCOPES.flatMap((scope) => ["--scope", scope]);
  const token = await server.cli([
    "admin",
    "bot",
    "create",
    "--workspace",
    workspaceId,
    "--name",
    "Lobster",
    ...scopes,
  ]);
  lobster = await new ClickClackClient({ baseUrl: server.url, token }).me.get();
  const port = await freePort();
  const { secret } = await owner.commands.register(workspaceId, {
    trigger: "claw",
    url: `http://127.0.0.1:${port}/`,
    description: "Snip something",
  });

  const sub = owner.events.subscribe({
    workspaceId,
    WebSocket,
    onEvent: watch.onEvent,
    onStatus: watch.onStatus,
  });
  afterAll(() => sub.close());
  await sub.connected();
  bot = await startBot({
    CLICKCLACK_URL: server.url,
    CLICKCLACK_TOKEN: token,
    CLICKCLACK_WORKSPACE: workspaceId,
    CLICKCLACK_COMMAND_SECRET: secret,
    CLICKCLACK_COMMAND_PORT: String(port),
    // Reconnect within a second once the restarted server is back, to keep the test short.
    CLICKCLACK_RECONNECT_MAX_MS: "1000",
  });
});
afterAll(async () => {
  await bot?.stop();
  await server?.stop();
});

function botReplies(rootId: string): Message[] {
  return watch.events.flatMap((event) => {
    if (!isEventType(event, "thread.reply_created")) return [];
    const reply = event.payload.message;
    return reply.thread_root_id === rootId && reply.author_id === lobster.id ? [reply] : [];
  });
}

async function say(body: string): Promise<Message> {
  return (await owner.channels.sendMessage(generalId, { body })).message;
}

async function answered(root: Message): Promise<Message> {
  await watch.until(`the bot's reply to "${root.body}"`, () => botReplies(root.id).length > 0);
  return botReplies(root.id)[0]!;
}

describe("examples/bot", () => {
  it("answers a mention in the message's thread", async () => {
    const root = await say(`@${lobster.handle} are you there?`);
    const reply = await answered(root);
    expect(reply.parent_message_id).toBe(root.id);
    expect(reply.body).toMatch(/^🦞 .+ @ann\n> are you there\?$/);
  });

  it("reacts 🦞 to lobster talk, never to its own messages", async () => {
    const root = await say("who ordered the LOBSTER roll?");
    await watch.until("the 🦞", (r) =>
      r.events.some(
        (e) =>
          isEventType(e, "reaction.added") &&
          e.payload.message_id === root.id &&
          e.payload.reaction.emoji === "🦞",
      ),
    );
    expect((await owner.messages.get(root.id)).reactions).toMatchObject([
      { emoji: "🦞", count: 1 },
    ]);
    // Its reply "🦞 Lobster on duty…" is about lobsters too: a bot that read its own messages would react.
    const sentinel = await say(`@${lobster.handle} sentinel`);
    await answered(sentinel);
    for (const reply of botReplies(sentinel.id)) {
      expect((await owner.messages.get(reply.id)).reactions).toEqual([]);
    }
  });

  it("answers /claw, a registered command delivered as a signed callback, in the channel", async () => {
    const result = await owner.commands.execute(generalId, "/claw the kelp");
    expect(result.response_type).toBe("in_channel");
    expect(result.message?.body).toBe("🦞 *snip snip* @ann asked me to snip: the kelp");
    expect(result.message?.author.kind).toBe("bot");
    expect(result.message?.channel_id).toBe(generalId);
    const usage = await owner.commands.execute(generalId, "/claw");
    expect(usage).toMatchObject({
      response_type: "ephemeral",
      text: "Usage: /claw <something to snip>",
    });
  });

  it("answers every message posted around a server restart exactly once", async () => {
    const before = await say(`@${lobster.handle} before the restart`);
    await answered(before);
    const reconnects = bot.lines.filter((line) => line === "realtime: open").length;
    await server.restart();
    // Posted as soon as the server is back, while the bot is still waiting to reconnect: replayed by cursor.
    const during = [
      await say(`@${lobster.handle} during 1`),
      await say(`@${lobster.handle} during 2`),
    ];
    await bot.waitFor(
      "the bot's reconnect",
      () => bot.lines.filter((l) => l === "realtime: open").length > reconnects,
    );
    const after = await say(`@${lobster.handle} after`);
    const roots = [before, ...during, after];
    for (const root of roots) await answered(root);
    // The bot handles messages in order: once the sentinel is answered, nothing earlier is still pending.
    await answered(await say(`@${lobster.handle} last sentinel`));
    for (const root of roots) {
      const fromBot = (await owner.threads.get(root.id)).replies.filter(
        (r) => r.author_id === lobster.id,
      );
      expect(fromBot, `replies to "${root.body}"`).toHaveLength(1);
    }
  });
});

interface BotProcess {
  lines: string[];
  waitFor(what: string, predicate: () => boolean): Promise<void>;
  stop(): Promise<void>;
}

/** Runs the example as `npm start` does and resolves once it says it is on duty. */
async function startBot(env: Record<string, string>): Promise<BotProcess> {
  const child: ChildProcess = spawn(TSX, ["src/bot.ts"], {
    cwd: BOT_DIR,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const errors: string[] = [];
  const waiters: Array<() => boolean> = [];
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  createInterface({ input: child.stdout! }).on("line", (line) => {
    lines.push(line);
    waiters.splice(0, waiters.length, ...waiters.filter((check) => !check()));
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => errors.push(chunk));
  const waitFor = (what: string, predicate: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `bot: timed out waiting for ${what}\n${lines.join("\n")}\n${errors.join("")}`,
            ),
          ),
        30_000,
      );
      const check = () => {
        if (!predicate()) return false;
        clearTimeout(timer);
        resolve();
        return true;
      };
      if (!check()) waiters.push(check);
    });
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  await waitFor("on duty", () => lines.some((line) => line.includes("on duty"))).catch(
    async (error) => {
      await stop();
      throw error;
    },
  );
  return { lines, waitFor, stop };
}

/** A port nobody listens on right now, for the bot's command listener (registered before it starts). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
