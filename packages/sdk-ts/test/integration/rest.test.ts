// The SDK against the real server: every call goes over HTTP to a fresh `serve --dev`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClickClackClient, ClickClackError } from "../../src/index.ts";
import { startServer, type RunningServer } from "../server.ts";

let server: RunningServer;
let client: ClickClackClient;

beforeAll(async () => {
  server = await startServer({ dev: true });
  client = new ClickClackClient({ baseUrl: server.url });
});
afterAll(async () => {
  await server?.stop();
});

async function newChannel(name: string) {
  const { workspace } = await client.workspaces.create({ name: `Reef ${name}` });
  const { channel } = await client.channels.create(workspace.id, { name, topic: "claws out" });
  return { workspace, channel };
}

describe("workspaces and channels", () => {
  it("creates a workspace owned by the caller, with #general", async () => {
    const created = await client.workspaces.create({ name: "Lobster Co" });
    expect(created.workspace.role).toBe("owner");
    expect(created.channel.name).toBe("general");
    expect(created.event.type).toBe("workspace.created");
    const listed = await client.workspaces.list();
    expect(listed.map((w) => w.id)).toContain(created.workspace.id);
    expect((await client.workspaces.get(created.workspace.id)).name).toBe("Lobster Co");
    const members = await client.workspaces.members(created.workspace.id);
    expect(members).toHaveLength(1);
    expect(members[0]?.role).toBe("owner");
  });

  it("creates, lists, renames and archives a channel", async () => {
    const { workspace, channel } = await newChannel("tidepool");
    expect(channel).toMatchObject({
      name: "tidepool",
      topic: "claws out",
      kind: "public",
      last_seq: 0,
    });
    expect((await client.channels.list(workspace.id)).map((c) => c.name)).toEqual(
      expect.arrayContaining(["general", "tidepool"]),
    );
    const renamed = await client.channels.update(channel.id, { name: "rockpool", archived: true });
    expect(renamed.event.type).toBe("channel.updated");
    expect(renamed.channel.name).toBe("rockpool");
    expect(renamed.channel.archived_at).toBeDefined();
    expect((await client.channels.get(channel.id)).name).toBe("rockpool");
  });
});

describe("search", () => {
  it("finds a posted word, scoped to a channel on request, and pages by cursor", async () => {
    const { workspace, channel } = await newChannel("searchable");
    const general = (await client.channels.list(workspace.id)).find((c) => c.name === "general")!;
    const posted = await client.channels.sendMessage(channel.id, { body: "the periwinkle tide" });
    await client.channels.sendMessage(general.id, { body: "periwinkle in general" });
    const everywhere = await client.search({ workspaceId: workspace.id, q: "periwinkle" });
    expect(everywhere.results).toHaveLength(2);
    const scoped = await client.search({
      workspaceId: workspace.id,
      q: "periwinkle",
      channelId: channel.id,
    });
    expect(scoped.results.map((r) => r.message.id)).toEqual([posted.message.id]);
    expect(scoped.results[0]!.snippet).toBe("the <mark>periwinkle</mark> tide");
    expect(scoped.next_cursor).toBeUndefined();
    const first = await client.search({
      workspaceId: workspace.id,
      q: "peri*",
      sort: "recent",
      limit: 1,
    });
    expect(first.next_cursor).toBeTypeOf("string");
    const second = await client.search({
      workspaceId: workspace.id,
      q: "peri*",
      sort: "recent",
      limit: 1,
      cursor: first.next_cursor,
    });
    expect(second.results[0]!.message.id).toBe(posted.message.id);
  });

  it("answers a bad query with a 400 that says what is wrong", async () => {
    const { workspace } = await newChannel("badsearch");
    const failed = await client.search({ workspaceId: workspace.id, q: "before:someday" }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(ClickClackError);
    expect((failed as ClickClackError).status).toBe(400);
    expect((failed as ClickClackError).message).toMatch(/YYYY-MM-DD/);
  });
});

describe("read state", () => {
  it("marks a channel read, forward only, and the channel carries the pointer and unread count", async () => {
    const { workspace, channel } = await newChannel("unread");
    for (let i = 1; i <= 3; i++)
      await client.channels.sendMessage(channel.id, { body: `clack ${i}` });
    // The caller wrote them: their own messages are never unread to them.
    expect(await client.channels.get(channel.id)).toMatchObject({
      last_read_seq: 0,
      unread_count: 0,
    });
    const receipt = await client.channels.markRead(channel.id, 2);
    expect(receipt).toMatchObject({ scope_id: channel.id, last_read_seq: 2 });
    expect((await client.channels.markRead(channel.id, 1)).last_read_seq).toBe(2);
    const listed = (await client.channels.list(workspace.id)).find((c) => c.id === channel.id);
    expect(listed).toMatchObject({ last_read_seq: 2, unread_count: 0 });
  });
});

describe("messages", () => {
  it("sends messages and pages the timeline in ascending channel_seq", async () => {
    const { channel } = await newChannel("paging");
    for (let i = 1; i <= 5; i++) {
      const sent = await client.channels.sendMessage(channel.id, { body: `clack ${i}` });
      expect(sent.message.channel_seq).toBe(i);
      expect(sent.event.type).toBe("message.created");
    }
    const latest = await client.channels.messages(channel.id);
    expect(latest.messages.map((m) => m.body)).toEqual([
      "clack 1",
      "clack 2",
      "clack 3",
      "clack 4",
      "clack 5",
    ]);
    expect(latest).toMatchObject({
      oldest_seq: 1,
      newest_seq: 5,
      has_older: false,
      has_newer: false,
    });

    const before = await client.channels.messages(channel.id, { beforeSeq: 4, limit: 2 });
    expect(before.messages.map((m) => m.channel_seq)).toEqual([2, 3]);
    expect(before).toMatchObject({ has_older: true, has_newer: true });

    const after = await client.channels.messages(channel.id, { afterSeq: 3 });
    expect(after.messages.map((m) => m.channel_seq)).toEqual([4, 5]);
    expect(after.has_newer).toBe(false);
  });

  it("does not duplicate a retried send with the same nonce", async () => {
    const { channel } = await newChannel("nonce");
    const first = await client.channels.sendMessage(channel.id, { body: "once", nonce: "n-1" });
    const retry = await client.channels.sendMessage(channel.id, { body: "once", nonce: "n-1" });
    expect(retry.message.id).toBe(first.message.id);
    expect((await client.channels.messages(channel.id)).messages).toHaveLength(1);
  });

  it("edits and deletes, keeping the deleted message's place", async () => {
    const { channel } = await newChannel("edits");
    const { message } = await client.channels.sendMessage(channel.id, { body: "tpyo" });
    const edited = await client.messages.edit(message.id, "typo");
    expect(edited.message.body).toBe("typo");
    expect(edited.message.edited_at).toBeDefined();
    expect(edited.event.type).toBe("message.updated");
    const deleted = await client.messages.delete(message.id);
    expect(deleted.event?.type).toBe("message.deleted");
    // A second delete changes nothing: the same message and the event that first announced it.
    const again = await client.messages.delete(message.id);
    expect(again.message.deleted_at).toBe(deleted.message.deleted_at);
    expect(again.event?.id).toBe(deleted.event?.id);
    const fetched = await client.messages.get(message.id);
    expect(fetched.body).toBe("");
    expect(fetched.deleted_at).toBeDefined();
    expect((await client.channels.messages(channel.id)).messages.map((m) => m.id)).toEqual([
      message.id,
    ]);
  });

  it("throws ClickClackError with the server's status and message", async () => {
    const error = await client.messages
      .get("msg_00000000000000000000000000")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClickClackError);
    expect((error as ClickClackError).status).toBe(404);
    expect((error as ClickClackError).message).not.toBe("");
  });
});

describe("threads and reactions", () => {
  it("replies in a thread and updates the root's thread state", async () => {
    const { channel } = await newChannel("threads");
    const { message: root } = await client.channels.sendMessage(channel.id, {
      body: "who's on duty?",
    });
    const reply = await client.threads.reply(root.id, { body: "the lobster" });
    expect(reply.message).toMatchObject({
      parent_message_id: root.id,
      thread_root_id: root.id,
      thread_seq: 1,
    });
    // Fields without a value are left out, not sent as null.
    expect(reply.message).not.toHaveProperty("channel_seq");
    expect(reply.message).not.toHaveProperty("thread_state");
    expect(reply.thread_state.reply_count).toBe(1);
    expect(reply.events.map((e) => e.type)).toEqual([
      "thread.reply_created",
      "thread.state_updated",
    ]);

    const thread = await client.threads.get(root.id);
    expect(thread.root.id).toBe(root.id);
    expect(thread.replies.map((m) => m.body)).toEqual(["the lobster"]);
    const timeline = await client.channels.messages(channel.id);
    expect(timeline.messages.map((m) => m.id)).toEqual([root.id]);
    expect(timeline.messages[0]?.thread_state?.reply_count).toBe(1);

    const nested = await client.threads
      .reply(reply.message.id, { body: "nope" })
      .catch((e: unknown) => e);
    expect((nested as ClickClackError).status).toBe(400);
  });

  it("adds and removes a reaction idempotently", async () => {
    const { channel } = await newChannel("reactions");
    const { message } = await client.channels.sendMessage(channel.id, { body: "🦞" });
    const added = await client.reactions.add(message.id, "👍");
    expect(added.event?.type).toBe("reaction.added");
    expect(added.reactions).toEqual([
      {
        emoji: "👍",
        count: 1,
        reacted_by_me: true,
        reacted_by: [{ id: message.author_id, display_name: message.author.display_name }],
      },
    ]);
    expect((await client.reactions.add(message.id, "👍")).event).toBeUndefined();
    expect((await client.messages.get(message.id)).reactions).toEqual(added.reactions);

    const removed = await client.reactions.remove(message.id, "👍");
    expect(removed.event?.type).toBe("reaction.removed");
    expect(removed.reactions).toEqual([]);
    expect((await client.reactions.remove(message.id, "👍")).event).toBeUndefined();
  });
});

describe("event log", () => {
  it("lists events after a cursor and reports the tail", async () => {
    const { workspace, channel } = await newChannel("log");
    const start = await client.events.list({ workspaceId: workspace.id, includeTail: true });
    expect(start.tail_cursor).toBeTruthy();
    const sent = await client.channels.sendMessage(channel.id, { body: "logged" });
    const page = await client.events.list({
      workspaceId: workspace.id,
      afterCursor: start.tail_cursor ?? undefined,
    });
    expect(page.events.map((e) => e.id)).toEqual([sent.event.id]);
    expect(page.next_cursor).toBe(sent.event.cursor);
    expect(page.events[0]?.payload.message).toMatchObject({ id: sent.message.id, body: "logged" });
  });
});
