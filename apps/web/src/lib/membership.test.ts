import { describe, expect, it } from "vitest";
import { applyMembership, browsable, inSidebar, showsUnread } from "./membership";
import type { Channel, ChatEvent } from "./types";

const ME = "usr_me";

function channel(name: string, extra: Partial<Channel> = {}): Channel {
  return {
    id: `chn_${name}`,
    workspace_id: "wsp_1",
    name,
    kind: "public",
    topic: "",
    created_at: "2026-01-01T00:00:00Z",
    last_seq: 0,
    ...extra,
  };
}

function event(type: string, payload: Record<string, unknown>): ChatEvent {
  return {
    id: "evt_1",
    cursor: "1",
    type: type as ChatEvent["type"],
    workspace_id: "wsp_1",
    created_at: "2026-01-01T00:00:00Z",
    payload,
  };
}

describe("the sidebar and the channel browser", () => {
  it("lists joined channels in the sidebar, and all of them for a server without membership", () => {
    expect(inSidebar(channel("a", { is_member: true }))).toBe(true);
    expect(inSidebar(channel("b", { is_member: false }))).toBe(false);
    expect(inSidebar(channel("old-server"))).toBe(true);
  });

  it("offers unjoined, unarchived channels matching the query, biggest first", () => {
    const all = [
      channel("small", { is_member: false, member_count: 2 }),
      channel("big", { is_member: false, member_count: 40, topic: "Tide reports" }),
      channel("mine", { is_member: true, member_count: 90 }),
      channel("gone", { is_member: false, member_count: 99, archived_at: "2026-01-02T00:00:00Z" }),
    ];
    expect(browsable(all, "").map((c) => c.name)).toEqual(["big", "small"]);
    expect(browsable(all, "#sma").map((c) => c.name)).toEqual(["small"]);
    expect(browsable(all, "TIDE").map((c) => c.name)).toEqual(["big"]);
  });

  it("hides the unread dot of a muted or mentions-only channel", () => {
    expect(showsUnread(channel("loud", { notification_preference: "all" }))).toBe(true);
    expect(showsUnread(channel("old-server"))).toBe(true);
    expect(showsUnread(channel("picky", { notification_preference: "mentions" }))).toBe(false);
    expect(showsUnread(channel("quiet", { notification_preference: "muted" }))).toBe(false);
  });
});

describe("membership events", () => {
  it("marks a channel joined when I join it elsewhere, and counts others coming and going", () => {
    const prev = channel("kelp", { is_member: false, member_count: 3 });
    const mine = applyMembership(
      prev,
      event("channel.member_joined", { user_id: ME, channel: prev }),
      ME,
    );
    expect(mine).toMatchObject({
      is_member: true,
      member_count: 4,
      notification_preference: "all",
    });
    const other = applyMembership(
      mine!,
      event("channel.member_left", { user_id: "usr_x", channel: prev }),
      ME,
    );
    expect(other).toMatchObject({ is_member: true, member_count: 3 });
  });

  it("adds a private channel I was added to, and drops it when I leave", () => {
    const vault = channel("vault", { kind: "private" });
    const added = applyMembership(
      undefined,
      event("channel.member_joined", { user_id: ME, channel: vault }),
      ME,
    );
    expect(added).toMatchObject({ name: "vault", is_member: true });
    expect(
      applyMembership(added!, event("channel.member_left", { user_id: ME, channel: vault }), ME),
    ).toBeNull();
  });

  it("drops a channel made private that I am not in, and keeps it when I am", () => {
    const secret = channel("plans", { kind: "private" });
    const update = event("channel.updated", { channel: secret });
    expect(applyMembership(channel("plans", { is_member: false }), update, ME)).toBeNull();
    expect(applyMembership(channel("plans", { is_member: true }), update, ME)).toBeUndefined();
  });

  it("leaves a channel unchanged when my own answer already applied the change", () => {
    const prev = channel("kelp", { is_member: true, member_count: 4 });
    expect(
      applyMembership(prev, event("channel.member_joined", { user_id: ME, channel: prev }), ME),
    ).toBe(prev);
  });
});
