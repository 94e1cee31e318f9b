import { describe, expect, it } from "vitest";
import { TYPING_TTL_MS, TypingAnnouncer, TypingTracker } from "./typing";
import { continuesGroup, initials, typingLine } from "./format";
import type { Message } from "./types";

describe("typing tracker", () => {
  it("lists others typing and expires them even without a stop event", () => {
    const t = new TypingTracker();
    t.started("c1", "ari", 0);
    t.started("c1", "me", 0);
    t.started("c2", "bo", 0);
    expect(t.active("c1", "me", 1000)).toEqual(["ari"]);
    expect(t.active("c1", "me", TYPING_TTL_MS + 1)).toEqual([]);
  });

  it("drops a user who stopped or posted", () => {
    const t = new TypingTracker();
    t.started("c1", "ari", 0);
    t.started("c1", "bo", 0);
    t.stopped("c1", "ari");
    t.posted("c1", "bo");
    expect(t.active("c1", "me", 10)).toEqual([]);
  });
});

describe("typing announcer", () => {
  it("announces once per interval while typing and stops once", () => {
    const sent: string[] = [];
    const a = new TypingAnnouncer((type) => sent.push(type));
    a.input("h", 0);
    a.input("he", 500);
    a.input("hel", 3500);
    a.input("", 3600);
    a.input("", 3700);
    expect(sent).toEqual(["typing.started", "typing.started", "typing.stopped"]);
  });
});

function m(author: string, at: string): Message {
  return { author_id: author, created_at: at, deleted_at: undefined } as Message;
}

describe("format", () => {
  it("phrases typing in crustacean", () => {
    expect(typingLine(["Ari"])).toBe("Ari is clacking…");
    expect(typingLine(["Ari", "Bo"])).toBe("Ari and Bo are clacking…");
    expect(typingLine(["Ari", "Bo", "Cy"])).toBe("Several people are clacking…");
  });

  it("makes initials", () => {
    expect(initials("Ari Lobster")).toBe("AL");
    expect(initials("peter")).toBe("PE");
    expect(initials("  ")).toBe("?");
  });

  it("groups consecutive messages by the same author within five minutes", () => {
    expect(continuesGroup(m("a", "2026-01-01T10:00:00Z"), m("a", "2026-01-01T10:04:00Z"))).toBe(
      true,
    );
    expect(continuesGroup(m("a", "2026-01-01T10:00:00Z"), m("a", "2026-01-01T10:06:00Z"))).toBe(
      false,
    );
    expect(continuesGroup(m("a", "2026-01-01T10:00:00Z"), m("b", "2026-01-01T10:01:00Z"))).toBe(
      false,
    );
    expect(continuesGroup(undefined, m("a", "2026-01-01T10:01:00Z"))).toBe(false);
  });
});
