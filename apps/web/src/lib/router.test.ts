import { describe, expect, it } from "vitest";
import { conversationPath, magicTokenFrom, parseRoute, routePath } from "./router";

describe("routes", () => {
  it("parses deep links and builds them back", () => {
    const paths = [
      "/app",
      "/app/w/wsp_1",
      "/app/w/wsp_1/c/chn_2",
      "/app/w/wsp_1/c/chn_2/t/msg_3",
      "/app/w/wsp_1/dm/dm_4",
      "/app/w/wsp_1/dm/dm_4/t/msg_5",
    ];
    for (const p of paths) expect(routePath(parseRoute(p))).toBe(p);
  });

  it("reads the magic token from the login URL", () => {
    expect(parseRoute("/app/login", "?token=abc")).toEqual({
      name: "login",
      token: "abc",
      invite: null,
    });
  });

  it("reads the invite a mailed link comes back to, and the invite page's token", () => {
    expect(parseRoute("/app/login", "?token=abc&invite=cci_x")).toEqual({
      name: "login",
      token: "abc",
      invite: "cci_x",
    });
    expect(parseRoute("/app/invite/cci_a-b_c")).toEqual({ name: "invite", token: "cci_a-b_c" });
    expect(routePath({ name: "invite", token: "cci_a-b_c" })).toBe("/app/invite/cci_a-b_c");
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

describe("direct conversations", () => {
  it("parse to their own route, with or without a thread", () => {
    expect(parseRoute("/app/w/wsp_1/dm/dm_4/t/msg_5")).toEqual({
      name: "dm",
      workspaceId: "wsp_1",
      dmId: "dm_4",
      threadId: "msg_5",
    });
    expect(parseRoute("/app/w/wsp_1/dm")).toEqual({ name: "workspace", workspaceId: "wsp_1" });
  });

  it("open where their id says, like channels", () => {
    expect(conversationPath("wsp_1", "dm_4", "msg_5")).toBe("/app/w/wsp_1/dm/dm_4/t/msg_5");
    expect(conversationPath("wsp_1", "chn_2")).toBe("/app/w/wsp_1/c/chn_2");
  });
});

describe("magic token paste", () => {
  it("accepts a bare token, a link or the CLI's whole line", () => {
    expect(magicTokenFrom("  ccm_abc123 ")).toBe("ccm_abc123");
    expect(magicTokenFrom("http://localhost:8080/app/login?token=ccm_abc123")).toBe("ccm_abc123");
    expect(
      magicTokenFrom(
        "sign-in link (valid 15 minutes): http://chat.example/app/login?token=ccm_a%2Bb&x=1",
      ),
    ).toBe("ccm_a+b");
  });
});
