import { describe, expect, it } from "vitest";
import {
  dmTitle,
  isGroup,
  markedRead,
  needsRead,
  onNewMessage,
  onRead,
  others,
  upsert,
  withPerson,
  type DirectConversation,
} from "./dms";
import type { Message, User } from "./types";

const user = (id: string, name = id): User =>
  ({ id, display_name: name, handle: id, avatar_url: "", kind: "human" }) as unknown as User;

const ME = "me";
const dm = (id: string, memberIds: string[], extra: Partial<DirectConversation> = {}) =>
  ({
    id,
    workspace_id: "wsp_1",
    created_at: "2026-01-01T00:00:00Z",
    members: [user(ME, "Me"), ...memberIds.map((m) => user(m, m.toUpperCase()))],
    last_seq: 0,
    ...extra,
  }) as DirectConversation;

const msg = (over: Partial<Message>): Message =>
  ({
    id: "msg_1",
    workspace_id: "wsp_1",
    direct_conversation_id: "dm_a",
    author_id: "ari",
    parent_message_id: null,
    channel_seq: 1,
    deleted_at: null,
    mentioned_user_ids: [],
    mentions_channel: false,
    ...over,
  }) as Message;

describe("who is in a conversation", () => {
  it("names the others, live names first, groups joined", () => {
    const one = dm("dm_a", ["ari"]);
    expect(dmTitle(one, ME)).toBe("ARI");
    expect(dmTitle(one, ME, (id) => (id === "ari" ? user("ari", "Ari Pincer") : undefined))).toBe(
      "Ari Pincer",
    );
    const group = dm("dm_g", ["ari", "bo", "cy"]);
    expect(dmTitle(group, ME)).toBe("ARI, BO, CY");
    expect(isGroup(group)).toBe(true);
    expect(isGroup(one)).toBe(false);
    expect(others(group, ME).map((u) => u.id)).toEqual(["ari", "bo", "cy"]);
  });

  it("finds the 1:1 with a person, not a group they are in", () => {
    const list = [dm("dm_g", ["ari", "bo"]), dm("dm_a", ["ari"])];
    expect(withPerson(list, ME, "ari")?.id).toBe("dm_a");
    expect(withPerson(list, ME, "bo")).toBeUndefined();
  });

  it("puts a new conversation first and refreshes a known one in place", () => {
    const list = [dm("dm_a", ["ari"])];
    const added = upsert(list, dm("dm_b", ["bo"]));
    expect(added.map((c) => c.id)).toEqual(["dm_b", "dm_a"]);
    const refreshed = upsert(added, dm("dm_a", ["ari"], { last_seq: 4 }));
    expect(refreshed.map((c) => c.id)).toEqual(["dm_b", "dm_a"]);
    expect(refreshed[1]!.last_seq).toBe(4);
  });
});

describe("badges", () => {
  it("counts someone else's new root message as unread, and a mention of me as a mention", () => {
    const list = [dm("dm_a", ["ari"])];
    const r1 = onNewMessage(list, msg({ channel_seq: 1 }), ME, () => false);
    expect(r1.list[0]).toMatchObject({ last_seq: 1, unread_count: 1, mention_count: 0 });
    const r2 = onNewMessage(
      r1.list,
      msg({ channel_seq: 2, mentioned_user_ids: [ME] }),
      ME,
      () => false,
    );
    expect(r2.list[0]).toMatchObject({ last_seq: 2, unread_count: 2, mention_count: 1 });
    expect(r2.read).toBeUndefined();
  });

  it("never counts my own messages, and thread replies only when they mention me", () => {
    const list = [dm("dm_a", ["ari"])];
    const mine = onNewMessage(list, msg({ author_id: ME, channel_seq: 1 }), ME, () => false);
    expect(mine.list[0]).toMatchObject({ last_seq: 1 });
    expect(mine.list[0]!.unread_count ?? 0).toBe(0);
    const reply = msg({ parent_message_id: "msg_0", channel_seq: undefined });
    expect(onNewMessage(list, reply, ME, () => false).list[0]!.unread_count ?? 0).toBe(0);
    const ping = msg({
      parent_message_id: "msg_0",
      channel_seq: undefined,
      mentions_channel: true,
    });
    expect(onNewMessage(list, ping, ME, () => false).list[0]).toMatchObject({ mention_count: 1 });
  });

  it("reads at once what arrives while I look at the newest end", () => {
    const list = [dm("dm_a", ["ari"], { unread_count: 1, last_seq: 3, last_read_seq: 2 })];
    const r = onNewMessage(list, msg({ channel_seq: 4 }), ME, (id) => id === "dm_a");
    expect(r.list[0]).toMatchObject({ unread_count: 0, mention_count: 0, last_read_seq: 4 });
    expect(r.read).toEqual({ dmId: "dm_a", seq: 4 });
  });

  it("reports a message for a conversation it does not know", () => {
    const r = onNewMessage([], msg({ direct_conversation_id: "dm_z" }), ME, () => false);
    expect(r.missing).toBe("dm_z");
  });

  it("clears when read, and knows when there is nothing to tell the server", () => {
    const list = [dm("dm_a", ["ari"], { unread_count: 2, mention_count: 1, last_seq: 5 })];
    expect(needsRead(list[0]!)).toBe(true);
    const read = markedRead(list, "dm_a");
    expect(read[0]).toMatchObject({ unread_count: 0, mention_count: 0, last_read_seq: 5 });
    expect(needsRead(read[0]!)).toBe(false);
    // Only my own messages after the pointer: nothing to clear.
    expect(needsRead(dm("dm_b", ["bo"], { last_seq: 7, last_read_seq: 5 }))).toBe(false);
  });

  it("follows another tab's read pointer: caught up clears, part way asks for a refetch", () => {
    const list = [dm("dm_a", ["ari"], { unread_count: 3, last_seq: 6, last_read_seq: 3 })];
    expect(onRead(list, "dm_a", 6)).toMatchObject({ stale: false });
    expect(onRead(list, "dm_a", 6).list[0]).toMatchObject({ unread_count: 0, last_read_seq: 6 });
    expect(onRead(list, "dm_a", 5).stale).toBe(true);
    expect(onRead(list, "dm_a", 2).stale).toBe(false);
    expect(onRead(list, "dm_unknown", 9).stale).toBe(false);
  });
});
