import { describe, expect, it } from "vitest";
import { ClickClackClient, ClickClackError } from "../../src/index.ts";
import { errorMessage } from "../../src/errors.ts";

function clientAnswering(response: () => Response | Promise<Response>) {
  return new ClickClackClient({ baseUrl: "http://h", token: "t", fetch: async () => response() });
}

describe("errorMessage", () => {
  it("uses the server's error field", () => {
    expect(errorMessage(409, "Conflict", '{"error":"slug taken"}')).toBe("slug taken");
  });

  it("falls back to short text, then to the status line", () => {
    expect(errorMessage(502, "Bad Gateway", "upstream down")).toBe("upstream down");
    expect(errorMessage(502, "Bad Gateway", "")).toBe("HTTP 502 Bad Gateway");
    expect(errorMessage(500, "", "x".repeat(500))).toBe("HTTP 500");
    expect(errorMessage(400, "", '{"error":""}')).toBe('{"error":""}');
  });
});

describe("request errors", () => {
  it("throws ClickClackError with the status and the server's message", async () => {
    const client = clientAnswering(() => new Response('{"error":"not a member"}', { status: 403 }));
    const error = await client.me.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClickClackError);
    expect(error).toMatchObject({ status: 403, message: "not a member" });
  });

  it("reports a network failure as status 0 and keeps the cause", async () => {
    const cause = new TypeError("fetch failed");
    const client = clientAnswering(() => Promise.reject(cause));
    const error = await client.workspaces.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, cause });
  });

  it("reports a 2xx answer that is not JSON as ClickClackError", async () => {
    const client = clientAnswering(() => new Response("<html>proxy</html>", { status: 200 }));
    const error = await client.me.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClickClackError);
    expect(error).toMatchObject({ status: 200, message: "response was not valid JSON" });
  });

  it("flags 401 so apps can send the user to sign in", async () => {
    const client = clientAnswering(() => new Response('{"error":"expired"}', { status: 401 }));
    const error = (await client.me.get().catch((e: unknown) => e)) as ClickClackError;
    expect(error.isUnauthorized).toBe(true);
  });
});
