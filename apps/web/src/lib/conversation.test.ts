import { describe, expect, it } from "vitest";
import { conversationOf, isDmId, placeIn } from "./conversation";

describe("conversations", () => {
  it("tells direct conversations from channels by their id", () => {
    expect(isDmId("dm_01HX")).toBe(true);
    expect(isDmId("chn_01HX")).toBe(false);
    expect(isDmId("")).toBe(false);
  });

  it("finds a message's conversation whichever field carries it", () => {
    expect(conversationOf({ channel_id: "chn_1" })).toBe("chn_1");
    expect(conversationOf({ direct_conversation_id: "dm_1" })).toBe("dm_1");
    expect(conversationOf({})).toBe("");
  });

  it("places a local message with exactly one of the two fields", () => {
    expect(placeIn("dm_1")).toEqual({ direct_conversation_id: "dm_1" });
    expect(placeIn("chn_1")).toEqual({ channel_id: "chn_1" });
  });
});
