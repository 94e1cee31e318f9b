// The realtime subscription against the real server, over the `ws` package (Node 20 has no
// global WebSocket).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { ClickClackClient, isEventType, type Subscription } from "../../src/index.ts";
import { startServer, type RunningServer } from "../server.ts";
import { Recorder } from "./recorder.ts";

let server: RunningServer;
let client: ClickClackClient;
const subscriptions: Subscription[] = [];

beforeAll(async () => {
  server = await startServer({ dev: true });
  client = new ClickClackClient({ baseUrl: server.url });
});
afterAll(async () => {
  for (const subscription of subscriptions) subscription.close();
  await server?.stop();
});

async function newChannel(name: string) {
  const { workspace } = await client.workspaces.create({ name: `Realtime ${name}` });
  const { channel } = await client.channels.create(workspace.id, { name });
  return { workspaceId: workspace.id, channelId: channel.id };
}

function follow(
  workspaceId: string,
  recorder: Recorder,
  extra: { afterCursor?: string; onResync?: () => Promise<string | void> } = {},
) {
  const subscription = client.events.subscribe({
    workspaceId,
    WebSocket,
    onEvent: recorder.onEvent,
    onStatus: recorder.onStatus,
    ...extra,
  });
  subscriptions.push(subscription);
  return subscription;
}

const isOpen = (r: Recorder) => r.statuses.at(-1) === "open";

describe("events.subscribe", () => {
  it("delivers message.created with the full message", async () => {
    const { workspaceId, channelId } = await newChannel("live");
    const recorder = new Recorder();
    follow(workspaceId, recorder);
    await recorder.until("open", isOpen);

    const sent = await client.channels.sendMessage(channelId, { body: "fresh catch" });
    await recorder.until("message.created", (r) => r.createdMessageIds().includes(sent.message.id));
    const event = recorder.events.find((e) => e.id === sent.event.id);
    expect(event?.cursor).toBe(sent.event.cursor);
    if (!event || !isEventType(event, "message.created")) throw new Error("no message.created");
    expect(event.payload.message).toEqual(sent.message);
  });

  it("replays missed events exactly once, in order, when resuming from a cursor", async () => {
    const { workspaceId, channelId } = await newChannel("resume");
    const first = new Recorder();
    const subscription = follow(workspaceId, first);
    await first.until("open", isOpen);
    const before = await client.channels.sendMessage(channelId, { body: "before the drop" });
    await first.until("first message", (r) => r.createdMessageIds().includes(before.message.id));
    const cursor = subscription.cursor();
    subscription.close();

    const missed: string[] = [];
    for (let i = 0; i < 3; i++) {
      missed.push(
        (await client.channels.sendMessage(channelId, { body: `missed ${i}` })).message.id,
      );
    }

    const second = new Recorder();
    follow(workspaceId, second, { afterCursor: cursor });
    await second.until("the missed events", (r) => r.createdMessageIds().length >= 3);
    const live = await client.channels.sendMessage(channelId, { body: "live again" });
    await second.until("the live event", (r) => r.createdMessageIds().includes(live.message.id));

    expect(second.createdMessageIds()).toEqual([...missed, live.message.id]);
    const ids = second.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(before.event.id);
  });

  it("asks the app to resync when the cursor is unknown, then follows the tail", async () => {
    const { workspaceId, channelId } = await newChannel("resync");
    const recorder = new Recorder();
    let resyncs = 0;
    follow(workspaceId, recorder, {
      afterCursor: "bogus-cursor",
      onResync: async () => {
        resyncs += 1;
      },
    });
    await recorder.until("reopened after resync", (r) => resyncs > 0 && isOpen(r));
    const sent = await client.channels.sendMessage(channelId, { body: "after resync" });
    await recorder.until("the event after resync", (r) =>
      r.createdMessageIds().includes(sent.message.id),
    );
    expect(resyncs).toBe(1);
  });

  it("delivers what is written while the app refetches on resync (the tail is read first)", async () => {
    const { workspaceId, channelId } = await newChannel("refetch");
    const recorder = new Recorder();
    let duringRefetch = "";
    follow(workspaceId, recorder, {
      afterCursor: "bogus-cursor",
      onResync: async () => {
        // Someone posts while the app is reloading: it must not fall between the refetch and the tail.
        duringRefetch = (await client.channels.sendMessage(channelId, { body: "mid-refetch" }))
          .message.id;
      },
    });
    await recorder.until(
      "the message posted during the refetch",
      (r) => duringRefetch !== "" && r.createdMessageIds().includes(duringRefetch),
    );
    expect(recorder.createdMessageIds().filter((id) => id === duringRefetch)).toHaveLength(1);
  });

  it("resolves connected(), types payloads per event type, and resumes across a server restart", async () => {
    const { workspaceId, channelId } = await newChannel("restart");
    const bodies: string[] = [];
    const recorder = new Recorder();
    const subscription = client.events.subscribe({
      workspaceId,
      WebSocket,
      onEvent: recorder.onEvent,
      onStatus: recorder.onStatus,
      on: { "message.created": (event) => bodies.push(event.payload.message.body) },
      backoff: { maxDelayMs: 1_000 },
    });
    subscriptions.push(subscription);
    await subscription.connected();
    expect(subscription.status()).toBe("open");
    const before = await client.channels.sendMessage(channelId, { body: "before" });
    // The per-type handler runs right after onEvent, in the same turn, so it has run once this resolves.
    await recorder.until("before", (r) => r.createdMessageIds().includes(before.message.id));

    await server.restart();
    const posted = await client.channels.sendMessage(channelId, {
      body: "right after the restart",
    });
    await recorder.until("reconnected", (r) => r.statuses.includes("reconnecting") && isOpen(r));
    await subscription.connected();
    const live = await client.channels.sendMessage(channelId, { body: "live again" });
    await recorder.until("live again", (r) => r.createdMessageIds().includes(live.message.id));
    expect(bodies).toEqual(["before", "right after the restart", "live again"]);
    expect(recorder.createdMessageIds()).toContain(posted.message.id);
  });
});
