// Lobster on duty: follows one workspace and answers `!clack` in the message's thread.
//   CLICKCLACK_URL=http://127.0.0.1:8080 CLICKCLACK_TOKEN=... npm start -w examples/bot
import { ClickClackClient, isEventType, type Event, type Message } from "@clickclack/sdk";
import { WebSocket } from "ws";
import { replyTo } from "./replies.ts";

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set; see examples/bot/README.md`);
    process.exit(2);
  }
  return value;
}

const client = new ClickClackClient({
  baseUrl: requiredEnv("CLICKCLACK_URL"),
  token: requiredEnv("CLICKCLACK_TOKEN"),
});

const me = await client.me.get();
const workspaces = await client.workspaces.list();
const workspace =
  workspaces.find((w) => w.id === process.env.CLICKCLACK_WORKSPACE) ??
  (process.env.CLICKCLACK_WORKSPACE ? undefined : workspaces[0]);
if (!workspace) {
  console.error("the bot's user is not a member of that workspace (or of any)");
  process.exit(2);
}

/** Root messages and thread replies both count; replies go to the root's thread. */
function postedMessage(event: Event): Message | undefined {
  if (isEventType(event, "message.created")) return event.payload.message;
  if (isEventType(event, "thread.reply_created")) return event.payload.message;
  return undefined;
}

async function answer(message: Message): Promise<void> {
  const text = replyTo(message, me.id);
  if (!text) return;
  await client.realtime
    .ephemeral({
      workspaceId: message.workspace_id,
      channelId: message.channel_id,
      type: "typing.started",
    })
    .catch(() => {}); // typing is cosmetic; never let it block the answer
  // The nonce makes a replayed event (after a reconnect) answer once, not twice.
  await client.threads.reply(message.thread_root_id, { body: text, nonce: `clack-${message.id}` });
  console.log(`answered ${message.id} in #${message.channel_id}`);
}

const subscription = client.events.subscribe({
  workspaceId: workspace.id,
  WebSocket,
  onEvent: (event) => {
    const message = postedMessage(event);
    if (message) answer(message).catch((error: unknown) => console.error("reply failed:", error));
  },
  onStatus: (status, detail) =>
    console.log(`realtime: ${status}${detail.code ? ` (${detail.code})` : ""}`),
  // A bot keeps no state worth refetching: resume from the tail.
  onResync: () => console.log("resync: skipping to the newest events"),
});

console.log(`🦞 @${me.handle} on duty in ${workspace.name} (${workspace.id}); say !clack`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    subscription.close();
    process.exit(0);
  });
}
