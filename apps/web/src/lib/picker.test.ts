import { describe, expect, it } from "vitest";
import { candidates, latestOnly, move, toggle } from "./picker";
import type { User } from "./types";

const user = (id: string): User =>
  ({ id, display_name: id, handle: id, avatar_url: "", kind: "human" }) as unknown as User;

describe("people picker", () => {
  it("never offers me", () => {
    expect(
      candidates([{ user: user("me") }, { user: user("ari") }], "me").map((u) => u.id),
    ).toEqual(["ari"]);
  });

  it("toggles people in and out, keeping the order they were picked", () => {
    let s = toggle([], user("ari")).selected;
    s = toggle(s, user("bo")).selected;
    expect(s.map((u) => u.id)).toEqual(["ari", "bo"]);
    expect(toggle(s, user("ari")).selected.map((u) => u.id)).toEqual(["bo"]);
  });

  it("stops at seven others (eight people with me)", () => {
    const seven = ["a", "b", "c", "d", "e", "f", "g"].map(user);
    const r = toggle(seven, user("h"));
    expect(r.full).toBe(true);
    expect(r.selected).toHaveLength(7);
    // Taking someone out is always allowed.
    expect(toggle(seven, user("a")).selected).toHaveLength(6);
  });

  it("moves the highlight with wrap-around", () => {
    expect(move(0, 1, 3)).toBe(1);
    expect(move(2, 1, 3)).toBe(0);
    expect(move(0, -1, 3)).toBe(2);
    expect(move(5, 1, 0)).toBe(0);
  });

  it("drops answers to queries that were overtaken", async () => {
    const resolvers: ((v: string) => void)[] = [];
    const search = latestOnly(
      (q: string) => new Promise<string>((r) => resolvers.push(() => r(q))),
    );
    const first = search("a");
    const second = search("ar");
    resolvers[1]!("ar");
    resolvers[0]!("a");
    expect(await second).toBe("ar");
    expect(await first).toBeNull();
  });
});
