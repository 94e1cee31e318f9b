// Lobster on duty: answers @mentions in their thread, reacts 🦞 to lobster talk, and serves the
// registered slash command /claw. All of it is ClickClackBot from @clickclack/sdk; see README.md.
//   CLICKCLACK_URL=… CLICKCLACK_TOKEN=ccb_… CLICKCLACK_WORKSPACE=wsp_… npm start -w examples/bot
import { ClickClackBot, ClickClackClient } from "@clickclack/sdk";
import { WebSocket } from "ws";
import { clawAnswer, mentionReply, REACTION, wantsReaction } from "./lobster.ts";

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set; see examples/bot/README.md`);
    process.exit(2);
  }
  return value;
}

const url = requiredEnv("CLICKCLACK_URL");
const token = requiredEnv("CLICKCLACK_TOKEN");
// A bot token belongs to one workspace: without CLICKCLACK_WORKSPACE, use the one it can see.
const workspaceId =
  process.env.CLICKCLACK_WORKSPACE ??
  (await new ClickClackClient({ baseUrl: url, token }).workspaces.list())[0]?.id;
if (!workspaceId) {
  console.error("the bot's user belongs to no workspace");
  process.exit(2);
}
const maxDelayMs = Number(process.env.CLICKCLACK_RECONNECT_MAX_MS ?? 30_000);

const bot = new ClickClackBot({
  url,
  token,
  workspaceId,
  WebSocket,
  backoff: { maxDelayMs },
  onStatus: (status) => console.log(`realtime: ${status}`),
  onResync: () =>
    console.log("resync: the server could not replay; going on from the newest events"),
  onError: (error) => console.error("lobster trouble:", error),
});

bot.on("mention", async (message, ctx) => {
  await ctx.reply(mentionReply(message, ctx.me.handle));
  console.log(`answered ${message.id}`);
});
bot.on("message", async (message, ctx) => {
  if (wantsReaction(message)) await ctx.react(REACTION);
});
bot.command("/claw", (command) => clawAnswer(command));

await bot.start();
const secret = process.env.CLICKCLACK_COMMAND_SECRET;
if (secret) {
  const listener = await bot.listen({
    port: Number(process.env.CLICKCLACK_COMMAND_PORT ?? 8787),
    host: process.env.CLICKCLACK_COMMAND_HOST ?? "127.0.0.1",
    secret,
  });
  console.log(`/claw callbacks on ${listener.url}`);
}
console.log(`🦞 @${bot.me.handle} on duty in ${workspaceId}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void bot.stop().then(() => process.exit(0));
  });
}
