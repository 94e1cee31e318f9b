import { describe, expect, it } from "vitest";
import { parseRoute, routePath } from "./router";

describe("routes", () => {
  it("parses deep links and builds them back", () => {
    const paths = ["/app", "/app/w/wsp_1", "/app/w/wsp_1/c/chn_2", "/app/w/wsp_1/c/chn_2/t/msg_3"];
    for (const p of paths) expect(routePath(parseRoute(p))).toBe(p);
  });

  it("reads the magic token from the login URL", () => {
    expect(parseRoute("/app/login", "?token=abc")).toEqual({ name: "login", token: "abc" });
  });

  it("falls back to home for unknown paths and tolerates trailing slashes", () => {
    expect(parseRoute("/app/nope")).toEqual({ name: "home" });
    expect(parseRoute("/app/w/wsp_1/c/chn_2/")).toMatchObject({
      name: "channel",
      channelId: "chn_2",
      threadId: null,
    });
  });
});
