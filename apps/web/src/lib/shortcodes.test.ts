import { describe, expect, it } from "vitest";
import { buildTable, loadShortcodes, shortcodeAt } from "./shortcodes";

const SAMPLE = buildTable([
  { emoji: "🎉", names: ["tada"], tags: ["party", "hooray"] },
  { emoji: "🌮", names: ["taco"], tags: [] },
  { emoji: "🦞", names: ["lobster"], tags: [] },
  { emoji: "👍", names: ["+1", "thumbsup"], tags: ["approve", "ok"] },
  { emoji: "🐈", names: ["cat2"], tags: ["pet"] },
  { emoji: "😸", names: ["smile_cat"], tags: [] },
  { emoji: "🙀", names: ["scream_cat"], tags: [] },
]);

describe("shortcode table", () => {
  it("looks names up exactly, ignoring case", () => {
    expect(SAMPLE.emoji("tada")).toBe("🎉");
    expect(SAMPLE.emoji("TADA")).toBe("🎉");
    expect(SAMPLE.emoji("tad")).toBeUndefined();
  });

  it("ranks favourites, then prefixes, then word starts, then tags", () => {
    expect(SAMPLE.suggest("ta").map((s) => s.name)).toEqual(["tada", "taco"]);
    expect(SAMPLE.suggest("cat").map((s) => s.name)).toEqual(["cat2", "smile_cat", "scream_cat"]);
    expect(SAMPLE.suggest("party").map((s) => s.name)).toEqual(["tada"]);
  });

  it("shows each emoji once even when it has several names", () => {
    expect(SAMPLE.suggest("thumbs")).toEqual([{ name: "thumbsup", emoji: "👍" }]);
    expect(SAMPLE.suggest("o").filter((s) => s.emoji === "👍")).toHaveLength(1);
  });

  it("caps the list", () => {
    expect(SAMPLE.suggest("a", 2)).toHaveLength(2);
  });

  it("ships GitHub's names, including the crustacean pack", async () => {
    const table = await loadShortcodes();
    expect(table.emoji("tada")).toBe("🎉");
    expect(table.emoji("+1")).toBe("👍");
    for (const name of [
      "lobster",
      "crab",
      "shrimp",
      "shell",
      "ocean",
      "squid",
      "octopus",
      "bubbles",
    ])
      expect(table.emoji(name), name).toBeDefined();
    expect(table.suggest("tad")[0]).toEqual({ name: "tada", emoji: "🎉" });
  });
});

describe("the shortcode being typed", () => {
  it("starts after a colon at a word start with two characters", () => {
    expect(shortcodeAt("great :ta", 9)).toEqual({ start: 6, query: "ta" });
    expect(shortcodeAt(":+1", 3)).toEqual({ start: 0, query: "+1" });
    expect(shortcodeAt("(:smi", 5)).toEqual({ start: 1, query: "smi" });
  });

  it("needs two characters", () => {
    expect(shortcodeAt("great :t", 8)).toBeNull();
  });

  it("ignores times, URLs and finished shortcodes", () => {
    expect(shortcodeAt("at 10:30", 8)).toBeNull();
    expect(shortcodeAt("see http://ex", 13)).toBeNull();
    expect(shortcodeAt("done :tada: ", 12)).toBeNull();
    expect(shortcodeAt("a:bc", 4)).toBeNull();
  });

  it("looks only at the text before the caret", () => {
    expect(shortcodeAt(":tada and more", 3)).toEqual({ start: 0, query: "ta" });
  });
});
