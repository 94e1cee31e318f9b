import { describe, expect, it } from "vitest";
import { bump, cleared, eventMentionsMe, fromChannels, mentionsMe } from "./mentions";
import type { Channel, ChatEvent, Message } from "./types";

const message = (over: Partial<Message>): Message =>
  ({
    id: "msg_1",
    author_id: "usr_b",
    mentioned_user_ids: [],
    mentions_channel: false,
    deleted_at: null,
    ...over,
  }) as Message;

const created = (m: Message, type = "message.created"): ChatEvent =>
  ({ type, channel_id: "chn_1", payload: { message: m } }) as unknown as ChatEvent;

describe("mention badges", () => {
  it("knows a mention of me from someone else", () => {
    expect(mentionsMe(message({ mentioned_user_ids: ["usr_a"] }), "usr_a")).toBe(true);
    expect(mentionsMe(message({ mentions_channel: true }), "usr_a")).toBe(true);
    expect(mentionsMe(message({ mentioned_user_ids: ["usr_c"] }), "usr_a")).toBe(false);
    expect(mentionsMe(message({ author_id: "usr_a", mentions_channel: true }), "usr_a")).toBe(
      false,
    );
  });

  it("counts created messages and replies, not edits", () => {
    const m = message({ mentioned_user_ids: ["usr_a"] });
    expect(eventMentionsMe(created(m), "usr_a")).toBe(true);
    expect(eventMentionsMe(created(m, "thread.reply_created"), "usr_a")).toBe(true);
    expect(eventMentionsMe(created(m, "message.updated"), "usr_a")).toBe(false);
  });

  it("starts from the server's counts, bumps and clears", () => {
    const counts = fromChannels([{ id: "chn_1", mention_count: 2 }, { id: "chn_2" }] as Channel[]);
    expect(counts).toEqual({ chn_1: 2, chn_2: 0 });
    expect(bump(counts, "chn_2")).toEqual({ chn_1: 2, chn_2: 1 });
    expect(cleared(counts, "chn_1")).toEqual({ chn_1: 0, chn_2: 0 });
    expect(cleared(counts, "chn_2")).toBe(counts);
  });
});
