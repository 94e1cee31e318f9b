import { describe, expect, it } from "vitest";
import { Drafts, draftsKey } from "./drafts";
import { MemoryStore } from "./persisted";

const general = { channelId: "chn_general", rootId: null };
const thread = { channelId: "chn_general", rootId: "msg_root" };
const random = { channelId: "chn_random", rootId: null };

describe("drafts", () => {
  it("keeps a draft per conversation, exactly as typed, across a reload", () => {
    const store = new MemoryStore();
    const drafts = new Drafts("usr_me", "wsp_1", store);
    drafts.set(general, "half a thought ");
    drafts.set(thread, "a reply\nin two lines");

    const reloaded = new Drafts("usr_me", "wsp_1", store);
    expect(reloaded.get(general)).toBe("half a thought ");
    expect(reloaded.get(thread)).toBe("a reply\nin two lines");
    expect(reloaded.get(random)).toBe("");
  });

  it("drops the draft when the box is cleared or the message sent", () => {
    const store = new MemoryStore();
    const drafts = new Drafts("usr_me", "wsp_1", store);
    drafts.set(general, "soon sent");
    expect(drafts.clear(general)).toBe(true);
    drafts.set(random, "x");
    expect(drafts.set(random, "   \n")).toBe(true);
    expect(new Drafts("usr_me", "wsp_1", store).get(general)).toBe("");
    expect(store.getItem(draftsKey("usr_me", "wsp_1"))).toBeNull();
  });

  it("names the channels that have a draft, in the channel or one of its threads", () => {
    const drafts = new Drafts("usr_me", "wsp_1", new MemoryStore());
    expect(drafts.channels()).toEqual(new Set());
    drafts.set(thread, "reply");
    drafts.set(random, "hello");
    expect(drafts.channels()).toEqual(new Set(["chn_general", "chn_random"]));
    drafts.clear(thread);
    expect(drafts.channels()).toEqual(new Set(["chn_random"]));
  });

  it("answers whether anything changed, so keystrokes that change nothing cost nothing", () => {
    const drafts = new Drafts("usr_me", "wsp_1", new MemoryStore());
    expect(drafts.set(general, "")).toBe(false);
    expect(drafts.set(general, "a")).toBe(true);
    expect(drafts.set(general, "a")).toBe(false);
  });

  it("keeps users and workspaces apart", () => {
    const store = new MemoryStore();
    new Drafts("usr_me", "wsp_1", store).set(general, "mine");
    expect(new Drafts("usr_other", "wsp_1", store).get(general)).toBe("");
    expect(new Drafts("usr_me", "wsp_2", store).get(general)).toBe("");
  });

  it("ignores unreadable storage and works without any", () => {
    const store = new MemoryStore();
    store.setItem(draftsKey("usr_me", "wsp_1"), '{"a": 1, "b": {"channelId": 2}, "c": null}');
    expect(new Drafts("usr_me", "wsp_1", store).channels()).toEqual(new Set());
    const memoryOnly = new Drafts("usr_me", "wsp_1", null);
    memoryOnly.set(general, "still here this session");
    expect(memoryOnly.get(general)).toBe("still here this session");
  });
});
