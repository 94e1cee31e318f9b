import { describe, expect, it } from "vitest";
import { pageTitle } from "./title";

describe("tab title", () => {
  it("names the channel and workspace", () => {
    expect(pageTitle({ channel: "general", workspace: "Acme" })).toBe(
      "#general · Acme — ClickClack",
    );
    expect(pageTitle({ workspace: "Acme" })).toBe("Acme — ClickClack");
    expect(pageTitle({})).toBe("ClickClack");
  });

  it("puts unread counts in front, capped", () => {
    expect(pageTitle({ channel: "general", workspace: "Acme", unread: 3 })).toBe(
      "(3) #general · Acme — ClickClack",
    );
    expect(pageTitle({ workspace: "Acme", unread: 0 })).toBe("Acme — ClickClack");
    expect(pageTitle({ unread: 250 })).toBe("(99+) ClickClack");
  });
});
