import { describe, expect, it } from "vitest";
import { orderSessions, sessionDetail, sessionTitle } from "./sessions";

const browser = { id: "ses_1", kind: "cookie" as const, created_at: "a", current: false };
const here = {
  id: "ses_2",
  kind: "cookie" as const,
  created_at: "b",
  last_used_at: "c",
  current: true,
};
const fmt = (iso: string) => `<${iso}>`;
const token = { id: "ses_3", kind: "bearer" as const, created_at: "d", current: false };

describe("sessions", () => {
  it("names this browser, other browsers and API tokens", () => {
    expect(sessionTitle(here)).toBe("This browser");
    expect(sessionTitle(browser)).toBe("Browser");
    expect(sessionTitle(token)).toBe("API token");
  });

  it("says when a session signed in and was last active, leaving out what is unknown", () => {
    expect(sessionDetail(here, fmt)).toBe("signed in <b> · last active <c>");
    expect(sessionDetail(token, fmt)).toBe("signed in <d>");
  });

  it("puts the current session first", () => {
    expect(orderSessions([browser, here, token]).map((s) => s.id)).toEqual([
      "ses_2",
      "ses_1",
      "ses_3",
    ]);
  });
});
