import { describe, expect, it } from "vitest";
import { firstNewMessage } from "./divider";

const msg = (id: string, seq: number | undefined, author = "usr_ari", deleted?: string) => ({
  id,
  channel_seq: seq,
  author_id: author,
  deleted_at: deleted,
});

describe("firstNewMessage", () => {
  const messages = [msg("m1", 1), msg("m2", 2), msg("m3", 3, "usr_me"), msg("m4", 4), msg("m5", 5)];

  it("is the first message after the pointer written by someone else", () => {
    expect(firstNewMessage(messages, 2, "usr_me")).toBe("m4");
    expect(firstNewMessage(messages, 0, "usr_me")).toBe("m1");
  });

  it("is none when everything was read or there is no pointer", () => {
    expect(firstNewMessage(messages, 5, "usr_me")).toBeNull();
    expect(firstNewMessage(messages, undefined, "usr_me")).toBeNull();
  });

  it("skips pending (no seq) and deleted messages", () => {
    const list = [
      msg("p", undefined),
      msg("d", 3, "usr_ari", "2026-01-01T00:00:00Z"),
      msg("m4", 4),
    ];
    expect(firstNewMessage(list, 2, "usr_me")).toBe("m4");
  });
});
