import { describe, expect, it } from "vitest";
import { mentionAt, mentionText, suggestMentions } from "./mention-suggest";
import type { User } from "./types";

function user(id: string, display_name: string, handle: string): User {
  return { id, display_name, handle, kind: "human", avatar_url: "" } as unknown as User;
}

const ari = user("usr_ari", "Ari Reef", "ari");
const arne = user("usr_arne", "Arne Shell", "arne");
const peter = user("usr_peter", "Peter Pincer", "peter");
const bob = user("usr_bob", "Bob Barnacle", "bob");
const people = [peter, bob, arne, ari];

describe("mentionAt", () => {
  it("finds the mention being typed before the caret, even a bare @", () => {
    expect(mentionAt("hi @ar", 6)).toEqual({ start: 3, query: "ar" });
    expect(mentionAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionAt("(@Pe", 4)).toEqual({ start: 1, query: "Pe" });
  });

  it("ignores an @ glued to a word, a finished mention and text after the caret", () => {
    expect(mentionAt("mail ari@reef.io", 16)).toBeNull();
    expect(mentionAt("x/@y", 4)).toBeNull();
    expect(mentionAt("@ari done", 9)).toBeNull();
    expect(mentionAt("hi @ar", 2)).toBeNull();
  });
});

describe("suggestMentions", () => {
  it("ranks handle and name prefixes first, then @channel and @here", () => {
    expect(suggestMentions(people, "ar", "usr_peter").map((s) => s.handle)).toEqual([
      "ari",
      "arne",
    ]);
    expect(suggestMentions(people, "barn", "usr_peter").map((s) => s.handle)).toEqual(["bob"]);
    expect(suggestMentions(people, "h", "usr_peter").map((s) => s.handle)).toEqual(["here"]);
    expect(suggestMentions(people, "ch", "usr_peter").map((s) => s.handle)).toEqual(["channel"]);
  });

  it("lists everyone for a bare @, me last, and respects the limit", () => {
    const all = suggestMentions(people, "", "usr_peter").map((s) => s.handle);
    expect(all).toEqual(["bob", "arne", "ari", "peter", "channel", "here"]);
    expect(suggestMentions(people, "", "usr_peter", 2)).toHaveLength(2);
  });

  it("skips people without a handle and duplicates", () => {
    const nameless = { ...bob, id: "usr_x", handle: "" } as User;
    expect(suggestMentions([nameless, bob, bob], "b", "usr_peter").map((s) => s.handle)).toEqual([
      "bob",
    ]);
  });

  it("inserts the handle and a space", () => {
    expect(mentionText({ handle: "ari", label: "Ari" })).toBe("@ari ");
  });
});
