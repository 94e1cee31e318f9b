import { describe, expect, it } from "vitest";
import { matchScore, rankItems, type SwitchItem } from "./switcher";

const ITEMS: SwitchItem[] = [
  { kind: "channel", id: "c1", label: "general" },
  { kind: "channel", id: "c2", label: "low-tide" },
  { kind: "channel", id: "c3", label: "tide-reports" },
  { kind: "channel", id: "c4", label: "old-tide", archived: true },
  { kind: "person", id: "u1", label: "Ari Ahmed", alias: "ari" },
  { kind: "person", id: "u2", label: "Peter", alias: "peter" },
  { kind: "person", id: "u3", label: "Tidus Grey", alias: "tg" },
];

const ids = (query: string) => rankItems(ITEMS, query).map((i) => i.id);

describe("quick switcher ranking", () => {
  it("puts an exact name first, then prefixes, then word starts, then substrings", () => {
    expect(matchScore("general", "general")).toBeGreaterThan(matchScore("gen", "general")!);
    expect(matchScore("tide", "tide-reports")).toBeGreaterThan(matchScore("tide", "low-tide")!);
    expect(matchScore("tide", "low-tide")).toBeGreaterThan(matchScore("ide", "low-tide")!);
    expect(ids("tide")).toEqual(["c3", "c2", "u3", "c4"]);
  });

  it("matches scattered letters in order, not out of order", () => {
    expect(matchScore("gnrl", "general")).not.toBeNull();
    expect(matchScore("lrng", "general")).toBeNull();
    expect(ids("gnrl")).toEqual(["c1"]);
  });

  it("prefers tight subsequences over spread-out ones", () => {
    expect(matchScore("lt", "low-tide")).toBeGreaterThan(matchScore("lt", "general-stuff")!);
  });

  it("matches people by name or handle, ignoring case", () => {
    expect(ids("ARI")).toEqual(["u1"]);
    expect(ids("tg")).toEqual(["u3"]);
  });

  it("ranks archived channels below live ones and hides them when nothing is typed", () => {
    expect(ids("old")).toEqual(["c4"]);
    expect(ids("tide").at(-1)).toBe("c4");
    expect(ids("")).toEqual(["c1", "c2", "c3", "u1", "u2", "u3"]);
  });

  it("caps the list and answers nothing for no match", () => {
    expect(rankItems(ITEMS, "e", 2)).toHaveLength(2);
    expect(ids("zzz")).toEqual([]);
  });
});
