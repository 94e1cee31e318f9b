// ClickClackBot against the real server with a real bot account: a mention gets one reply in its
// thread, a message gets a reaction, its own messages never trigger it, and after the server restarts
// it resumes from its cursor: every message posted around the restart is answered exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { ClickClackBot, ClickClackClient, isEventType, type Message } from "../../src/index.ts";
import { startServer, type RunningServer } from "../server.ts";
import { Recorder } from "./recorder.ts";

const BOT_SCOPES = [
  "channels:read",
  "messages:read",
  "messages:write",
  "threads:write",
  "reactions:write",
  "realtime:read",
];

let server: RunningServer;
let owner: ClickClackClient;
let bot: ClickClackBot;
let workspaceId: string;
let generalId: string;
const watch = new Recorder();

beforeAll(async () => {
  server = await startServer();
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
  const token = await server.cli(["admin", "token", "create", "--email", "ann@example.com"]);
  owner = new ClickClackClient({ baseUrl: server.url, token });
  workspaceId = (await owner.workspaces.list())[0]!.id;
  generalId = (await owner.channels.list(workspaceId)).find((c) => c.name === "general")!.id;
  const scopes = BOT_SCOPES.flatMap((scope) => ["--scope", scope]);
  const botToken = await server.cli([
    "admin",
    "bot",
    "create",
    "--workspace",
    workspaceId,
    "--name",
    "Lobster",
    ...scopes,
  ]);

  bot = new ClickClackBot({ url: server.url, token: botToken, workspaceId, WebSocket });
  bot.on("mention", async (message, ctx) => {
    await ctx.reply(`🦞 heard you, @${message.author.handle}: ${message.body}`);
  });
  bot.on("message", async (message, ctx) => {
    if (/lobster/i.test(message.body)) await ctx.react("🦞");
  });
  await bot.start();

  const sub = owner.events.subscribe({
    workspaceId,
    WebSocket,
    onEvent: watch.onEvent,
    onStatus: watch.onStatus,
  });
  afterAll(() => sub.close());
  await sub.connected();
});
afterAll(async () => {
  await bot?.stop();
  await server?.stop();
});

/** The bot's replies seen so far in the thread of `rootId`. */
function botReplies(rootId: string): Message[] {
  return watch.events.flatMap((event) => {
    if (!isEventType(event, "thread.reply_created")) return [];
    const reply = event.payload.message;
    return reply.thread_root_id === rootId && reply.author_id === bot.me.id ? [reply] : [];
  });
}

async function mention(text: string): Promise<Message> {
  return (await owner.channels.sendMessage(generalId, { body: `@${bot.me.handle} ${text}` }))
    .message;
}

describe("ClickClackBot against the real server", () => {
  it("replies once in the thread of a mention, and ignores its own reply", async () => {
    const root = await mention("where are the snacks?");
    await watch.until("the bot's reply", () => botReplies(root.id).length === 1);
    expect(botReplies(root.id)[0]!.body).toBe(
      `🦞 heard you, @ann: @${bot.me.handle} where are the snacks?`,
    );
    // The bot's own reply also mentions nobody and is a message: it must not answer itself.
    const sentinel = await mention("sentinel");
    await watch.until("the sentinel reply", () => botReplies(sentinel.id).length === 1);
    expect(botReplies(root.id)).toHaveLength(1);
  });

  it("reacts 🦞 to a message about lobsters, and not to others", async () => {
    const plain = await owner.channels.sendMessage(generalId, { body: "crabs only" });
    const lobster = await owner.channels.sendMessage(generalId, { body: "Lobster bisque tonight" });
    await watch.until("the reaction", (r) =>
      r.events.some(
        (e) => e.type === "reaction.added" && e.payload.message_id === lobster.message.id,
      ),
    );
    await bot.idle();
    expect((await owner.messages.get(lobster.message.id)).reactions).toMatchObject([
      { emoji: "🦞", count: 1 },
    ]);
    expect((await owner.messages.get(plain.message.id)).reactions).toEqual([]);
  });

  it("answers every message posted around a server restart exactly once", async () => {
    const before = await mention("before the restart");
    await watch.until("reply before", () => botReplies(before.id).length === 1);
    await server.restart();
    // Posted while the bot (and our watcher) are still reconnecting: they arrive by cursor replay.
    const during = [await mention("during 1"), await mention("during 2")];
    await bot.idle();
    const after = await mention("after");
    for (const root of [...during, after]) {
      await watch.until(`reply to ${root.body}`, () => botReplies(root.id).length >= 1);
    }
    const sentinel = await mention("sentinel after restart");
    await watch.until("the sentinel reply", () => botReplies(sentinel.id).length === 1);
    for (const root of [before, ...during, after]) {
      const thread = await owner.threads.get(root.id);
      const fromBot = thread.replies.filter((reply) => reply.author_id === bot.me.id);
      expect(fromBot.map((reply) => reply.body)).toEqual([`🦞 heard you, @ann: ${root.body}`]);
    }
  });
});
