import { describe, expect, it } from "vitest";
import { attentionCount, badgeLabel } from "./attention-count";

describe("attentionCount", () => {
  it("adds channel mentions and every unread DM message", () => {
    const channels = [
      { unread_count: 12, mention_count: 2 },
      { unread_count: 4, mention_count: 0 },
      { unread_count: 1 },
    ];
    const dms = [{ unread_count: 3, mention_count: 1 }, { unread_count: 0 }];
    expect(attentionCount(channels, dms)).toBe(5);
  });

  it("is 0 with nothing waiting, and without a DM list", () => {
    expect(attentionCount([{ unread_count: 7, mention_count: 0 }])).toBe(0);
    expect(attentionCount([], [])).toBe(0);
  });
});

describe("badgeLabel", () => {
  it("shows nothing for 0, the number up to 9, then 9+", () => {
    expect(badgeLabel(0)).toBe("");
    expect(badgeLabel(1)).toBe("1");
    expect(badgeLabel(9)).toBe("9");
    expect(badgeLabel(10)).toBe("9+");
  });
});
