import { describe, expect, it } from "vitest";
import { MemoryStore } from "./persisted";
import { alertFor, loadPrefs, preview, savePrefs, signals, type AlertContext } from "./notify";
import type { ChatEvent, Message } from "./types";

const ctx: AlertContext = {
  meId: "usr_me",
  authorName: (id) => (id === "usr_ari" ? "Ari" : "Someone"),
  channelName: (id) => (id === "chn_gen" ? "general" : undefined),
};

function event(type: string, message: Partial<Message>): ChatEvent {
  const m = {
    id: "msg_1",
    author_id: "usr_ari",
    body: "hello",
    mentioned_user_ids: [],
    mentions_channel: false,
    ...message,
  };
  return { type, payload: { message: m } } as unknown as ChatEvent;
}

describe("alertFor", () => {
  it("stays quiet for a mention in a muted channel, not in a mentions-only one", () => {
    const mention = event("message.created", {
      channel_id: "chn_gen",
      mentioned_user_ids: ["usr_me"],
    });
    const muted = { ...ctx, preference: () => "muted" as const };
    const picky = { ...ctx, preference: () => "mentions" as const };
    expect(alertFor(mention, muted)).toBeNull();
    expect(alertFor(mention, picky)).toMatchObject({ kind: "mention" });
    const plain = event("message.created", { channel_id: "chn_gen" });
    expect(alertFor(plain, { ...ctx, preference: () => "all" as const })).toBeNull();
  });

  it("alerts on every direct message to me", () => {
    const a = alertFor(
      event("message.created", { direct_conversation_id: "dm_1", body: "psst" }),
      ctx,
    );
    expect(a).toMatchObject({
      kind: "dm",
      conversationId: "dm_1",
      title: "Ari",
      body: "psst",
      tag: "cc-msg_1",
    });
  });

  it("alerts on a channel message or thread reply that mentions me, naming the channel", () => {
    const root = event("message.created", {
      channel_id: "chn_gen",
      mentioned_user_ids: ["usr_me"],
      thread_root_id: "msg_1", // a root is its own thread root
    });
    expect(alertFor(root, ctx)).toMatchObject({
      kind: "mention",
      title: "Ari in #general",
      threadRootId: null,
    });
    const reply = event("thread.reply_created", {
      channel_id: "chn_gen",
      thread_root_id: "msg_0",
      parent_message_id: "msg_0",
      mentions_channel: true,
    });
    expect(alertFor(reply, ctx)).toMatchObject({
      threadRootId: "msg_0",
      conversationId: "chn_gen",
    });
  });

  it("stays quiet for my own messages, other people's mentions and other events", () => {
    expect(alertFor(event("message.created", { channel_id: "chn_gen" }), ctx)).toBeNull();
    const mine = event("message.created", { direct_conversation_id: "dm_1", author_id: "usr_me" });
    expect(alertFor(mine, ctx)).toBeNull();
    const other = event("message.created", {
      channel_id: "chn_gen",
      mentioned_user_ids: ["usr_bo"],
    });
    expect(alertFor(other, ctx)).toBeNull();
    expect(alertFor(event("message.updated", { direct_conversation_id: "dm_1" }), ctx)).toBeNull();
  });
});

describe("preview", () => {
  it("is one line of plain text, shortened", () => {
    expect(preview("**Ship** it\n\n> `now`")).toBe("Ship it now");
    expect(preview("```\ncode\n``` done")).toBe("[code] done");
    expect(preview("x".repeat(500))).toHaveLength(140);
  });
});

describe("prefs and signals", () => {
  it("are off until turned on, and remembered", () => {
    const store = new MemoryStore();
    expect(loadPrefs(store)).toEqual({ desktop: false, sound: false });
    savePrefs(store, { desktop: true, sound: false });
    expect(loadPrefs(store)).toEqual({ desktop: true, sound: false });
    expect(loadPrefs(null)).toEqual({ desktop: false, sound: false });
  });

  it("notify only with consent and permission while hidden; sound unless read live", () => {
    const on = { desktop: true, sound: true };
    const base = { prefs: on, permission: "granted" as const, hidden: true, readingIt: false };
    expect(signals(base)).toEqual({ desktop: true, sound: true });
    expect(signals({ ...base, hidden: false })).toEqual({ desktop: false, sound: true });
    expect(signals({ ...base, hidden: false, readingIt: true })).toEqual({
      desktop: false,
      sound: false,
    });
    expect(signals({ ...base, permission: "denied" })).toEqual({ desktop: false, sound: true });
    expect(signals({ ...base, prefs: { desktop: false, sound: false } })).toEqual({
      desktop: false,
      sound: false,
    });
  });
});
