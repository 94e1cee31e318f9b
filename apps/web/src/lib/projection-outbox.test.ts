// The projection's side of the outbox (messages shown again after a reload) and of "who reacted".

import { describe, expect, it } from "vitest";
import { applyChange, Projection, type ViewMessage } from "./projection";
import type { Message, MessagePage } from "./types";

const ME = "usr_me";
const CH = "chn_general";
const author = {
  id: ME,
  display_name: "Me",
  handle: "me",
  kind: "human" as const,
  avatar_url: "",
  created_at: "2026-01-01T00:00:00Z",
};

function msg(seq: number, over: Partial<Message> = {}): Message {
  return {
    id: `msg_${seq}`,
    workspace_id: "wsp_1",
    channel_id: CH,
    author_id: ME,
    author,
    parent_message_id: undefined,
    thread_root_id: `msg_${seq}`,
    channel_seq: seq,
    thread_seq: undefined,
    body: `message ${seq}`,
    body_format: "markdown",
    nonce: undefined,
    created_at: "2026-01-01T00:00:00Z",
    edited_at: undefined,
    deleted_at: undefined,
    thread_state: undefined,
    reactions: [],
    mentioned_user_ids: [],
    mentions_channel: false,
    ...over,
  };
}

function local(nonce: string, over: Partial<ViewMessage> = {}): ViewMessage {
  return msg(0, {
    id: `local_${nonce}`,
    nonce,
    channel_seq: undefined,
    body: `unsent ${nonce}`,
    ...over,
  });
}

function page(messages: Message[]): MessagePage {
  return { messages, oldest_seq: 1, newest_seq: 1, has_older: false, has_newer: false };
}

describe("outbox messages in the projection", () => {
  it("shows an unsent message once, however often it is restored, and moves it between states", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));
    p.showPending(local("n1"), "failed");
    p.showPending(local("n1"), "failed");
    const shown = () => p.timeline(CH)!.messages.filter((m) => m.nonce === "n1");
    expect(shown().map((m) => m.pending)).toEqual(["failed"]);

    p.showPending(local("n1"), "sending");
    expect(shown().map((m) => m.pending)).toEqual(["sending"]);

    p.upsertMessage(msg(2, { nonce: "n1", body: "unsent n1" }));
    p.showPending(local("n1"), "failed"); // a stale restore must not bring back a pending copy
    expect(shown().map((m) => [m.id, m.pending])).toEqual([["msg_2", undefined]]);
  });

  it("keeps a restored reply in its thread, not in the timeline", () => {
    const p = new Projection(ME);
    p.replaceTimeline(CH, page([msg(1)]));
    p.replaceThread({ root: msg(1), replies: [], thread_state: undefined } as never);
    p.showPending(local("r1", { parent_message_id: "msg_1", thread_root_id: "msg_1" }), "failed");
    expect(p.thread("msg_1")!.replies.map((m) => m.pending)).toEqual(["failed"]);
    expect(p.timeline(CH)!.messages.some((m) => m.nonce === "r1")).toBe(false);
  });
});

describe("who reacted, through events and local toggles", () => {
  const peter = { id: "usr_peter", display_name: "Peter" };

  it("takes who reacted from the event's changed emoji, keeping the others and what it knows of mine", () => {
    const ari = { id: "usr_ari", display_name: "Ari" };
    const prev = [
      { emoji: "🎉", count: 1, reacted_by_me: false, reacted_by: [peter] },
      { emoji: "🦞", count: 1, reacted_by_me: true, reacted_by: [{ id: ME, display_name: "You" }] },
    ];
    const change = { emoji: "🎉", count: 2, reacted_by: [peter, ari] };
    expect(applyChange(prev, change, undefined)).toEqual([
      { emoji: "🎉", count: 2, reacted_by_me: false, reacted_by: [peter, ari] },
      prev[1],
    ]);
    expect(applyChange(prev, { emoji: "🦞", count: 0, reacted_by: [] }, false)).toEqual([prev[0]]);
  });

  it("adds and removes me when I flip my own reaction", () => {
    const p = new Projection(ME);
    p.replaceTimeline(
      CH,
      page([
        msg(1, {
          reactions: [
            { emoji: "🎉", count: 1, reacted_by_me: false, reacted_by: [peter] },
          ] as never,
        }),
      ]),
    );
    p.toggleReactionLocally("msg_1", "🎉");
    expect(p.timeline(CH)!.messages[0]!.reactions).toEqual([
      {
        emoji: "🎉",
        count: 2,
        reacted_by_me: true,
        reacted_by: [peter, { id: ME, display_name: "You" }],
      },
    ]);
    p.toggleReactionLocally("msg_1", "🎉");
    expect(p.timeline(CH)!.messages[0]!.reactions).toEqual([
      { emoji: "🎉", count: 1, reacted_by_me: false, reacted_by: [peter] },
    ]);
  });
});
