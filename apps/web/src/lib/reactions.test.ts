import { describe, expect, it } from "vitest";
import { reactedByText, toggleReactor, type ReactionView } from "./reactions";

const ME = "usr_me";
const peter = { id: "usr_peter", display_name: "Peter" };
const dev = { id: "usr_dev", display_name: "Dev Lobster" };
const ari = { id: "usr_ari", display_name: "Ari" };
const bo = { id: "usr_bo", display_name: "Bo" };
const me = { id: ME, display_name: "Me Myself" };

function r(count: number, reacted_by?: ReactionView["reacted_by"], mine = false): ReactionView {
  return { emoji: "🎉", count, reacted_by_me: mine, ...(reacted_by ? { reacted_by } : {}) };
}

describe("who reacted", () => {
  it("names one, two and three people", () => {
    expect(reactedByText(r(1, [peter]), ME)).toBe("Peter reacted with 🎉");
    expect(reactedByText(r(2, [peter, dev]), ME)).toBe("Peter and Dev Lobster reacted with 🎉");
    expect(reactedByText(r(3, [peter, dev, ari]), ME)).toBe(
      "Peter, Dev Lobster and Ari reacted with 🎉",
    );
  });

  it("counts the rest as others", () => {
    expect(reactedByText(r(6, [peter, dev, ari, bo]), ME)).toBe(
      "Peter, Dev Lobster, Ari and 3 others reacted with 🎉",
    );
    expect(reactedByText(r(4, [peter, dev, ari, bo]), ME)).toBe(
      "Peter, Dev Lobster, Ari and 1 other reacted with 🎉",
    );
  });

  it("says You first, even when the capped list does not reach you", () => {
    expect(reactedByText(r(2, [peter, me], true), ME)).toBe("You and Peter reacted with 🎉");
    expect(reactedByText(r(1, [me], true), ME)).toBe("You reacted with 🎉");
    expect(reactedByText(r(12, [peter, dev], true), ME)).toBe(
      "You, Peter, Dev Lobster and 9 others reacted with 🎉",
    );
  });

  it("falls back to the count when the server did not say who", () => {
    expect(reactedByText(r(1), ME)).toBe("1 person reacted with 🎉");
    expect(reactedByText(r(3), ME)).toBe("3 people reacted with 🎉");
    expect(reactedByText(r(3, undefined, true), ME)).toBe("You and 2 others reacted with 🎉");
  });

  it("never names more people than the count (a list older than the count)", () => {
    expect(reactedByText(r(1, [peter, dev]), ME)).toBe("Peter reacted with 🎉");
  });
});

describe("flipping your own reaction locally", () => {
  it("adds and removes you, and leaves an absent or full list alone", () => {
    expect(toggleReactor([peter], ME, true)).toEqual([peter, { id: ME, display_name: "You" }]);
    expect(toggleReactor([peter, me], ME, false)).toEqual([peter]);
    expect(toggleReactor(undefined, ME, true)).toBeUndefined();
    const full = Array.from({ length: 10 }, (_, i) => ({ id: `u${i}`, display_name: `U${i}` }));
    expect(toggleReactor(full, ME, true)).toBe(full);
  });
});
