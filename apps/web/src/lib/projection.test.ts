import { describe, expect, it } from "vitest";
import { messageKey, Projection, type ViewMessage } from "./projection";
import type { Channel, ChatEvent, Message, MessagePage, ThreadState } from "./types";

const ME = "usr_me";
const ARI = "usr_ari";
const CH = "chn_general";

let clock = 0;
function msg(seq: number, over: Partial<Message> = {}): Message {
  clock++;
  return {
    id: `msg_${seq}`,
    workspace_id: "wsp_1",
    channel_id: CH,
    author_id: ARI,
    author: {
      id: ARI,
      display_name: "Ari",
      handle: "ari",
      kind: "human",
      avatar_url: "",
      created_at: "2026-01-01T00:00:00Z",
    },
    parent_message_id: undefined,
    thread_root_id: `msg_${seq}`,
    channel_seq: seq,
    thread_seq: undefined,
    body: `message ${seq}`,
    body_format: "markdown",
    nonce: undefined,
    created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, clock)).toISOString(),
    edited_at: undefined,
    deleted_at: undefined,
    thread_state: {
      root_message_id: `msg_${seq}`,
      reply_count: 0,
      last_reply_at: undefined,
      last_reply_author_ids: [],
    },
    reactions: [],
    mentioned_user_ids: [],
    mentions_channel: false,
    ...over,
  };
}

function reply(root: number, tseq: number, over: Partial<Message> = {}): Message {
  return msg(0, {
    id: `msg_r${root}_${tseq}`,
    parent_message_id: `msg_${root}`,
    thread_root_id: `msg_${root}`,
    channel_seq: undefined,
    thread_seq: tseq,
    thread_state: undefined,
    body: `reply ${tseq}`,
    ...over,
  });
}

function page(messages: Message[], hasOlder = false): MessagePage {
  return {
    messages,
    oldest_seq: messages[0]?.channel_seq,
    newest_seq: messages.at(-1)?.channel_seq,
    has_older: hasOlder,
    has_newer: false,
  };
}

let cursor = 0;
function event(type: string, payload: Record<string, unknown>, seq?: number): ChatEvent {
  cursor++;
  return {
    id: `evt_${cursor}`,
    cursor: String(cursor).padStart(8, "0"),
    type: type as ChatEvent["type"],
    workspace_id: "wsp_1",
    channel_id: CH,
    seq,
    created_at: new Date().toISOString(),
    payload,
  };
}

function channel(id: string, name: string, over: Partial<Channel> = {}): Channel {
  return {
    id,
    workspace_id: "wsp_1",
    name,
    kind: "public",
    topic: "",
    created_at: "",

    last_seq: 0,
    ...over,
  };
}

function noReplies(rootId: string): ThreadState {
  return {
    root_message_id: rootId,
    reply_count: 0,
    last_reply_at: undefined,
    last_reply_author_ids: [],
  };
}

function bodies(p: Projection): string[] {
  return (p.timeline(CH)?.messages ?? []).map((m) => m.body);
}

function pendingRoot(nonce: string, body: string): ViewMessage {
  return msg(0, {
    id: `local_${nonce}`,
    nonce,
    body,
    author_id: ME,
    channel_seq: undefined,
    thread_state: undefined,
  });
}

describe("optimistic send", () => {
  it("shows a pending message at once and replaces it in place when the server answers", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1), msg(2)]));
    p.addPending(pendingRoot("n1", "hello"));

    expect(bodies(p)).toEqual(["message 1", "message 2", "hello"]);
    expect(p.timeline(CH)!.messages[2]!.pending).toBe("sending");

    p.upsertMessage(msg(3, { body: "hello", nonce: "n1", author_id: ME }));
    const list = p.timeline(CH)!.messages;
    expect(list.map((m) => m.id)).toEqual(["msg_1", "msg_2", "msg_3"]);
    expect(list[2]!.pending).toBeUndefined();
    // Same key before and after confirmation: the row is not re-created (no flicker).
    expect(messageKey(list[2]!)).toBe("n1");
  });

  it("does not duplicate when the event arrives before the HTTP response", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));
    p.addPending(pendingRoot("n2", "race"));
    const confirmed = msg(2, { body: "race", nonce: "n2", author_id: ME });

    p.applyEvent(event("message.created", { message_id: confirmed.id, message: confirmed }, 2));
    p.upsertMessage(confirmed);

    expect(p.timeline(CH)!.messages.map((m) => m.id)).toEqual(["msg_1", "msg_2"]);
  });

  it("does not duplicate when the HTTP response arrives before the event", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));
    p.addPending(pendingRoot("n3", "first"));
    const confirmed = msg(2, { body: "first", nonce: "n3", author_id: ME });

    p.upsertMessage(confirmed);
    p.applyEvent(event("message.created", { message_id: confirmed.id, message: confirmed }, 2));

    expect(p.timeline(CH)!.messages.map((m) => m.id)).toEqual(["msg_1", "msg_2"]);
  });

  it("keeps pending messages after confirmed ones when others post meanwhile", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));
    p.addPending(pendingRoot("n4", "mine"));
    p.applyEvent(event("message.created", { message: msg(2, { body: "theirs" }) }, 2));

    expect(bodies(p)).toEqual(["message 1", "theirs", "mine"]);
  });

  it("marks a failed send and can discard it", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([]));
    p.addPending(pendingRoot("n5", "oops"));
    p.markFailed("n5");
    expect(p.timeline(CH)!.messages[0]!.pending).toBe("failed");
    p.discardPending("n5");
    expect(bodies(p)).toEqual([]);
  });
});

describe("ordering", () => {
  it("orders messages by channel_seq whatever order they arrive in", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));
    p.applyEvent(event("message.created", { message: msg(3) }, 3));
    p.applyEvent(event("message.created", { message: msg(2) }, 2));

    expect(p.timeline(CH)!.messages.map((m) => m.channel_seq)).toEqual([1, 2, 3]);
  });

  it("prepends older history without duplicating the overlap", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(4), msg(5)], true));
    p.prependOlder(CH, page([msg(2), msg(3), msg(4)], false));

    const t = p.timeline(CH)!;
    expect(t.messages.map((m) => m.channel_seq)).toEqual([2, 3, 4, 5]);
    expect(t.hasOlder).toBe(false);
    expect(t.oldestSeq).toBe(2);
  });

  it("after a jump into history, holds live messages back until the newer pages are loaded", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, { ...page([msg(19), msg(20), msg(21)], true), has_newer: true });
    p.applyEvent(event("message.created", { message: msg(300) }, 300));
    p.applyEvent(
      event("message.updated", {
        message: msg(20, { body: "edited", edited_at: "2026-02-01T00:00:00Z" }),
      }),
    );

    let t = p.timeline(CH)!;
    expect(t.messages.map((m) => m.channel_seq)).toEqual([19, 20, 21]);
    expect(t.messages[1]!.body).toBe("edited");
    expect(t.hasNewer).toBe(true);

    p.appendNewer(CH, { ...page([msg(21), msg(22)]), has_newer: false });
    t = p.timeline(CH)!;
    expect(t.messages.map((m) => m.channel_seq)).toEqual([19, 20, 21, 22]);
    expect(t.hasNewer).toBe(false);
    expect(t.newestSeq).toBe(22);
    p.applyEvent(event("message.created", { message: msg(23) }, 23));
    expect(p.timeline(CH)!.messages.map((m) => m.channel_seq)).toEqual([19, 20, 21, 22, 23]);
  });

  it("ignores updates to history that is not loaded yet", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(10), msg(11)], true));
    p.applyEvent(
      event("message.updated", {
        message: msg(3, { body: "old edit", edited_at: "2026-01-02T00:00:00Z" }),
      }),
    );

    expect(p.timeline(CH)!.messages.map((m) => m.channel_seq)).toEqual([10, 11]);
  });

  it("keeps thread replies out of the channel timeline", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));
    p.applyEvent(event("thread.reply_created", { root_message_id: "msg_1", message: reply(1, 1) }));

    expect(p.timeline(CH)!.messages.map((m) => m.id)).toEqual(["msg_1"]);
  });
});

describe("edits and deletes", () => {
  it("applies message.updated in place and keeps the row object for untouched messages", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1), msg(2)]));
    const untouched = p.timeline(CH)!.messages[0];

    p.applyEvent(
      event("message.updated", {
        message: msg(2, { body: "edited", edited_at: "2026-02-01T00:00:00Z" }),
      }),
    );

    const list = p.timeline(CH)!.messages;
    expect(list[1]!.body).toBe("edited");
    expect(list[1]!.edited_at).toBe("2026-02-01T00:00:00Z");
    expect(list[0]).toBe(untouched);
  });

  it("ignores a stale copy that arrives after a newer edit", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));
    p.upsertMessage(msg(1, { body: "second edit", edited_at: "2026-02-02T00:00:00Z" }));
    p.upsertMessage(msg(1, { body: "first edit", edited_at: "2026-02-01T00:00:00Z" }));
    p.upsertMessage(msg(1, { body: "original" }));

    expect(bodies(p)).toEqual(["second edit"]);
  });

  it("applies message.deleted and never brings a deleted message back", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));
    p.applyEvent(
      event("message.deleted", {
        message: msg(1, { body: "", deleted_at: "2026-03-01T00:00:00Z" }),
      }),
    );
    p.upsertMessage(msg(1));

    const m = p.timeline(CH)!.messages[0]!;
    expect(m.deleted_at).toBe("2026-03-01T00:00:00Z");
    expect(m.body).toBe("");
  });

  it("updates an edited reply inside an open thread", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));
    p.replaceThread({ root: msg(1), replies: [reply(1, 1)], thread_state: noReplies("msg_1") });
    p.applyEvent(
      event("message.updated", {
        message: reply(1, 1, { body: "fixed", edited_at: "2026-02-01T00:00:00Z" }),
      }),
    );

    expect(p.thread("msg_1")!.replies[0]!.body).toBe("fixed");
  });
});

const file = (id: string) => ({
  id,
  workspace_id: "wsp_1",
  owner_id: ARI,
  filename: `${id}.png`,
  content_type: "image/png",
  byte_size: 100,
  sha256: "0".repeat(64),
  url: `/api/uploads/${id}`,
  created_at: "2026-01-01T00:00:00Z",
});

describe("attachments", () => {
  it("shows the files of a message.created event without a fetch", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));
    p.applyEvent(
      event("message.created", { message: msg(2, { attachments: [file("upl_a")] }) }, 2),
    );
    expect(p.timeline(CH)!.messages[1]!.attachments?.map((u) => u.id)).toEqual(["upl_a"]);
  });

  it("applies a file attached later (message.updated with the same body)", () => {
    const p = new Projection(ME);
    // The same copy but for the new file: only the attachments tell the two apart.
    const base = msg(1, { thread_state: undefined, attachments: [file("upl_a")] });
    p.replaceTimeline(CH, page([base]));
    const before = p.timeline(CH)!.messages[0];
    p.applyEvent(
      event("message.updated", {
        message: { ...base, attachments: [file("upl_a"), file("upl_b")] },
      }),
    );
    const after = p.timeline(CH)!.messages[0]!;
    expect(after).not.toBe(before);
    expect(after.attachments?.map((u) => u.id)).toEqual(["upl_a", "upl_b"]);
  });
});

describe("reactions", () => {
  it("applies counts from events and tracks only my own reacted_by_me", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));

    p.applyEvent(
      event("reaction.added", {
        message_id: "msg_1",
        user_id: ARI,
        emoji: "🦞",
        reaction: { emoji: "🦞", count: 1, reacted_by: [] },
      }),
    );
    expect(p.timeline(CH)!.messages[0]!.reactions).toEqual([
      { emoji: "🦞", count: 1, reacted_by_me: false, reacted_by: [] },
    ]);

    p.applyEvent(
      event("reaction.added", {
        message_id: "msg_1",
        user_id: ME,
        emoji: "🦞",
        reaction: { emoji: "🦞", count: 2, reacted_by: [] },
      }),
    );
    expect(p.timeline(CH)!.messages[0]!.reactions).toEqual([
      { emoji: "🦞", count: 2, reacted_by_me: true, reacted_by: [] },
    ]);

    p.applyEvent(
      event("reaction.removed", {
        message_id: "msg_1",
        user_id: ARI,
        emoji: "🦞",
        reaction: { emoji: "🦞", count: 1, reacted_by: [] },
      }),
    );
    expect(p.timeline(CH)!.messages[0]!.reactions).toEqual([
      { emoji: "🦞", count: 1, reacted_by_me: true, reacted_by: [] },
    ]);

    p.applyEvent(
      event("reaction.removed", {
        message_id: "msg_1",
        user_id: ME,
        emoji: "🦞",
        reaction: { emoji: "🦞", count: 0, reacted_by: [] },
      }),
    );
    expect(p.timeline(CH)!.messages[0]!.reactions).toEqual([]);
  });

  it("changes only the emoji an event names, with who reacted, and appends a new emoji last", () => {
    const p = new Projection(ME);
    const mine = {
      emoji: "🦀",
      count: 1,
      reacted_by_me: true,
      reacted_by: [{ id: ME, display_name: "Me" }],
    };
    p.replaceTimeline(CH, page([msg(1, { reactions: [mine] })]));
    const ari = { id: ARI, display_name: "Ari" };

    p.applyEvent(
      event("reaction.added", {
        message_id: "msg_1",
        user_id: ARI,
        emoji: "🌊",
        reaction: { emoji: "🌊", count: 1, reacted_by: [ari] },
      }),
    );
    expect(p.timeline(CH)!.messages[0]!.reactions).toEqual([
      mine,
      { emoji: "🌊", count: 1, reacted_by_me: false, reacted_by: [ari] },
    ]);

    p.applyEvent(
      event("reaction.added", {
        message_id: "msg_1",
        user_id: ARI,
        emoji: "🦀",
        reaction: { emoji: "🦀", count: 2, reacted_by: [{ id: ME, display_name: "Me" }, ari] },
      }),
    );
    expect(
      p.timeline(CH)!.messages[0]!.reactions!.map((r) => [r.emoji, r.count, r.reacted_by_me]),
    ).toEqual([
      ["🦀", 2, true],
      ["🌊", 1, false],
    ]);
    expect(
      p.timeline(CH)!.messages[0]!.reactions![0]!.reacted_by.map((u) => u.display_name),
    ).toEqual(["Me", "Ari"]);
  });

  it("toggles my reaction optimistically and settles on the server answer", () => {
    const p = new Projection(ME);
    p.replaceTimeline(
      CH,
      page([
        msg(1, { reactions: [{ emoji: "🦀", count: 2, reacted_by_me: false, reacted_by: [] }] }),
      ]),
    );

    expect(p.toggleReactionLocally("msg_1", "🦀")).toBe(true);
    expect(p.timeline(CH)!.messages[0]!.reactions).toEqual([
      { emoji: "🦀", count: 3, reacted_by_me: true, reacted_by: [{ id: ME, display_name: "You" }] },
    ]);

    // Applying the same change again from the event must not count it twice.
    p.applyEvent(
      event("reaction.added", {
        message_id: "msg_1",
        user_id: ME,
        emoji: "🦀",
        reaction: { emoji: "🦀", count: 3, reacted_by: [] },
      }),
    );
    p.setReactions("msg_1", [{ emoji: "🦀", count: 3, reacted_by_me: true, reacted_by: [] }]);
    expect(p.timeline(CH)!.messages[0]!.reactions).toEqual([
      { emoji: "🦀", count: 3, reacted_by_me: true, reacted_by: [] },
    ]);

    expect(p.toggleReactionLocally("msg_1", "🦀")).toBe(false);
    expect(p.timeline(CH)!.messages[0]!.reactions).toEqual([
      { emoji: "🦀", count: 2, reacted_by_me: false, reacted_by: [] },
    ]);
  });

  it("keeps my reactions when a message.updated copy arrives", () => {
    const p = new Projection(ME);
    p.replaceTimeline(
      CH,
      page([
        msg(1, { reactions: [{ emoji: "🌊", count: 1, reacted_by_me: true, reacted_by: [] }] }),
      ]),
    );
    p.applyEvent(
      event("message.updated", {
        message: msg(1, {
          body: "new",
          edited_at: "2026-02-01T00:00:00Z",
          reactions: [{ emoji: "🌊", count: 1, reacted_by_me: false, reacted_by: [] }],
        }),
      }),
    );
    expect(p.timeline(CH)!.messages[0]!.reactions).toEqual([
      { emoji: "🌊", count: 1, reacted_by_me: true, reacted_by: [] },
    ]);
  });
});

describe("threads", () => {
  it("updates the root's reply count from thread.state_updated", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));
    p.applyEvent(
      event("thread.state_updated", {
        root_message_id: "msg_1",
        thread_state: {
          root_message_id: "msg_1",
          reply_count: 2,
          last_reply_at: "2026-01-01T00:00:00Z",
          last_reply_author_ids: [ARI],
        },
      }),
    );
    expect(p.timeline(CH)!.messages[0]!.thread_state!.reply_count).toBe(2);
  });

  it("does not let an older thread state roll the count back", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));
    p.setThreadState({ ...noReplies("msg_1"), reply_count: 3 });
    p.setThreadState({ ...noReplies("msg_1"), reply_count: 2 });
    expect(p.timeline(CH)!.messages[0]!.thread_state!.reply_count).toBe(3);
  });

  it("adds live replies to an open thread in thread_seq order, reconciling my pending reply", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));
    p.replaceThread({ root: msg(1), replies: [reply(1, 1)], thread_state: noReplies("msg_1") });
    p.addPending(
      reply(1, 0, {
        id: "local_t1",
        nonce: "t1",
        body: "my reply",
        thread_seq: undefined,
        author_id: ME,
      }),
    );
    p.applyEvent(event("thread.reply_created", { message: reply(1, 2, { body: "their reply" }) }));
    p.upsertMessage(reply(1, 3, { body: "my reply", nonce: "t1", author_id: ME }));

    expect(p.thread("msg_1")!.replies.map((m) => m.body)).toEqual([
      "reply 1",
      "their reply",
      "my reply",
    ]);
    expect(p.thread("msg_1")!.replies.every((m) => !m.pending)).toBe(true);
  });
});

describe("channels and resync", () => {
  it("applies channel.created and channel.updated events", () => {
    const p = new Projection(ME);
    p.setChannels([channel(CH, "general")]);
    p.applyEvent(event("channel.created", { channel: channel("chn_2", "random") }));
    p.applyEvent(event("channel.updated", { channel: channel(CH, "lobby") }));
    expect(p.channels().map((c) => c.name)).toEqual(["lobby", "random"]);
  });

  it("does not put a channel new to me in my sidebar, but keeps my membership of one I know", () => {
    const p = new Projection(ME);
    p.setChannels([channel(CH, "general", { is_member: true })]);
    p.applyEvent(event("channel.created", { channel: channel("chn_2", "random") }));
    p.applyEvent(event("channel.updated", { channel: channel("chn_3", "was-private") }));
    p.applyEvent(event("channel.updated", { channel: channel(CH, "lobby") }));
    expect(p.channel("chn_2")).toMatchObject({ is_member: false, member_count: 0 });
    expect(p.channel("chn_3")!.is_member).toBe(false);
    expect(p.channel(CH)).toMatchObject({ name: "lobby", is_member: true });
  });

  it("tracks the newest seq per channel so unread channels can be shown", () => {
    const p = new Projection(ME);
    p.setChannels([channel("chn_2", "random", { last_seq: 4 })]);
    p.applyEvent({
      ...event("message.created", { message: msg(5, { channel_id: "chn_2" }) }, 5),
      channel_id: "chn_2",
    });
    expect(p.channel("chn_2")!.last_seq).toBe(5);
  });

  it("replaces state after a resync refetch, keeping messages still being sent", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1), msg(2), msg(3, { body: "deleted while away" })]));
    p.replaceTimeline("chn_other", page([msg(1, { channel_id: "chn_other" })]));
    p.addPending(pendingRoot("n9", "in flight"));

    p.forgetExcept([CH], []);
    expect(p.timeline("chn_other")).toBeUndefined();
    // The visible channel stays on screen until the refetch lands.
    expect(bodies(p)).toEqual(["message 1", "message 2", "deleted while away", "in flight"]);

    p.replaceTimeline(
      CH,
      page([
        msg(1),
        msg(2),
        msg(3, { body: "", deleted_at: "2026-03-01T00:00:00Z" }),
        msg(4, { body: "posted while away" }),
      ]),
    );
    expect(bodies(p)).toEqual(["message 1", "message 2", "", "posted while away", "in flight"]);

    p.replaceTimeline(
      CH,
      page([msg(1), msg(2), msg(3), msg(4), msg(5, { body: "in flight", nonce: "n9" })]),
    );
    expect(bodies(p).at(-1)).toBe("in flight");
    expect(p.timeline(CH)!.messages.filter((m) => m.pending)).toEqual([]);
  });

  it("keeps a pending message across a refetch that does not contain it yet", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));
    p.addPending(pendingRoot("n11", "still going"));
    p.replaceTimeline(CH, page([msg(1), msg(2)]));
    expect(bodies(p)).toEqual(["message 1", "message 2", "still going"]);
  });

  it("notifies subscribers on change", () => {
    const p = new Projection(ME);
    let calls = 0;
    const off = p.subscribe(() => calls++);
    p.replaceTimeline(CH, page([msg(1)]));
    off();
    p.replaceTimeline(CH, page([msg(1)]));
    expect(calls).toBe(1);
  });
});
