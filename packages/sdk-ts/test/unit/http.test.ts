import { describe, expect, it } from "vitest";
import { buildQuery, expandPath, joinUrl, requestHeaders, webSocketUrl } from "../../src/http.ts";

describe("expandPath", () => {
  it("percent-encodes each parameter so emoji and tokens survive the URL", () => {
    expect(
      expandPath("/api/messages/{message_id}/reactions/{emoji}", {
        message_id: "msg_1",
        emoji: "🦞",
      }),
    ).toBe("/api/messages/msg_1/reactions/%F0%9F%A6%9E");
    expect(expandPath("/api/invites/{token}/accept", { token: "a/b?c" })).toBe(
      "/api/invites/a%2Fb%3Fc/accept",
    );
  });

  it("refuses a missing or empty parameter instead of calling a wrong URL", () => {
    expect(() => expandPath("/api/channels/{channel_id}", {})).toThrow(/channel_id/);
    expect(() => expandPath("/api/channels/{channel_id}", { channel_id: "" })).toThrow(
      /channel_id/,
    );
  });
});

describe("buildQuery", () => {
  it("drops undefined and null values and keeps false and 0", () => {
    expect(buildQuery({ a: undefined, b: null, c: 0, d: false, e: "x y" })).toBe(
      "?c=0&d=false&e=x+y",
    );
  });

  it("is empty when nothing is set", () => {
    expect(buildQuery({ a: undefined })).toBe("");
    expect(buildQuery(undefined)).toBe("");
  });
});

describe("joinUrl", () => {
  it("joins with and without a trailing slash, and same-origin", () => {
    expect(joinUrl("http://h:1/", "/api/me")).toBe("http://h:1/api/me");
    expect(joinUrl("http://h:1", "/api/me")).toBe("http://h:1/api/me");
    expect(joinUrl("", "/api/me")).toBe("/api/me");
  });
});

describe("webSocketUrl", () => {
  it("switches http to ws and https to wss", () => {
    expect(webSocketUrl("http://h:1/api/realtime/ws?workspace_id=w", undefined)).toBe(
      "ws://h:1/api/realtime/ws?workspace_id=w",
    );
    expect(webSocketUrl("https://chat.example/api/realtime/ws", undefined)).toBe(
      "wss://chat.example/api/realtime/ws",
    );
  });

  it("resolves a same-origin path against the page", () => {
    expect(webSocketUrl("/api/realtime/ws?workspace_id=w", "https://chat.example/c/general")).toBe(
      "wss://chat.example/api/realtime/ws?workspace_id=w",
    );
  });
});

describe("requestHeaders", () => {
  it("sends the bearer token and no CSRF header when a token is given", () => {
    const headers = requestHeaders("post", "tok", true);
    expect(headers.authorization).toBe("Bearer tok");
    expect(headers["x-clickclack-csrf"]).toBeUndefined();
    expect(headers["content-type"]).toBe("application/json");
  });

  it("marks cookie-authenticated writes with X-ClickClack-CSRF but not reads", () => {
    for (const method of ["post", "patch", "delete"] as const) {
      expect(requestHeaders(method, undefined, false)["x-clickclack-csrf"]).toBe("1");
    }
    expect(requestHeaders("get", undefined, false)["x-clickclack-csrf"]).toBeUndefined();
    expect(requestHeaders("get", undefined, false).authorization).toBeUndefined();
  });
});
