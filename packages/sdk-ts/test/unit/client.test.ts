import { describe, expect, it } from "vitest";
import { ClickClackClient, eventListQuery, messagePageQuery } from "../../src/index.ts";

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A client whose fetch records the call and answers `answer` with `status`. */
function recordingClient(answer: unknown, status = 200, token?: string) {
  const calls: Call[] = [];
  const client = new ClickClackClient({
    baseUrl: "http://h:9/",
    token,
    fetch: async (input, init) => {
      calls.push({
        url: String(input),
        method: init?.method ?? "GET",
        headers: init?.headers as Record<string, string>,
        body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      });
      return status === 204 ? new Response(null, { status }) : Response.json(answer, { status });
    },
  });
  return { client, calls };
}

describe("messagePageQuery", () => {
  it("asks for the latest page when no anchor is given", () => {
    expect(messagePageQuery({ limit: 50 })).toMatchObject({ mode: "latest", limit: 50 });
  });

  it("maps one anchor to its snake_case parameter without mode", () => {
    expect(messagePageQuery({ beforeSeq: 10 })).toMatchObject({ before_seq: 10, mode: undefined });
    expect(messagePageQuery({ afterSeq: 0 })).toMatchObject({ after_seq: 0, mode: undefined });
  });

  it("rejects two anchors at once", () => {
    expect(() => messagePageQuery({ afterSeq: 1, aroundSeq: 5 })).toThrow(/mutually exclusive/);
  });
});

describe("eventListQuery", () => {
  it("only sends include_tail when asked", () => {
    expect(eventListQuery({ workspaceId: "w" }).include_tail).toBeUndefined();
    expect(eventListQuery({ workspaceId: "w", afterCursor: "c", includeTail: true })).toEqual({
      workspace_id: "w",
      after_cursor: "c",
      limit: undefined,
      include_tail: true,
    });
  });
});

describe("ClickClackClient", () => {
  it("pages a channel with the documented query parameters", async () => {
    const { client, calls } = recordingClient({ messages: [] });
    await client.channels.messages("chn_1", { aroundSeq: 42, limit: 20 });
    expect(calls[0]?.url).toBe("http://h:9/api/channels/chn_1/messages?around_seq=42&limit=20");
    expect(calls[0]?.method).toBe("GET");
  });

  it("searches with the documented query parameters and returns the page whole", async () => {
    const answer = {
      results: [{ message: { id: "msg_1" }, rank: 1.5, snippet: "<mark>crab</mark>" }],
    };
    const { client, calls } = recordingClient(answer);
    const page = await client.search({
      workspaceId: "wsp_1",
      q: 'from:@ari "crab cakes"',
      channelId: "chn_1",
      sort: "recent",
      limit: 10,
    });
    expect(page).toEqual(answer);
    const url = new URL(calls[0]!.url);
    expect(url.pathname).toBe("/api/search");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      workspace_id: "wsp_1",
      q: 'from:@ari "crab cakes"',
      channel_id: "chn_1",
      sort: "recent",
      limit: "10",
    });
  });

  it("unwraps single-key envelopes", async () => {
    const { client } = recordingClient({ channels: [{ id: "chn_1" }] });
    expect(await client.channels.list("wsp_1")).toEqual([{ id: "chn_1" }]);
  });

  it("returns multi-key envelopes whole (the event carries the cursor)", async () => {
    const answer = { message: { id: "msg_1" }, event: { cursor: "c1" } };
    const { client, calls } = recordingClient(answer, 201, "tok");
    expect(await client.channels.sendMessage("chn_1", { body: "hi", nonce: "n1" })).toEqual(answer);
    expect(calls[0]).toMatchObject({
      url: "http://h:9/api/channels/chn_1/messages",
      method: "POST",
      body: { body: "hi", nonce: "n1" },
      headers: { authorization: "Bearer tok" },
    });
  });

  it("marks a channel read with {seq} and unwraps the receipt", async () => {
    const receipt = { scope_id: "chn_1", user_id: "usr_1", last_read_seq: 7, last_read_at: "t" };
    const { client, calls } = recordingClient({ receipt }, 200, "tok");
    expect(await client.channels.markRead("chn_1", 7)).toEqual(receipt);
    expect(calls[0]).toMatchObject({
      url: "http://h:9/api/channels/chn_1/read",
      method: "POST",
      body: { seq: 7 },
    });
  });

  it("removes a reaction by its encoded emoji", async () => {
    const { client, calls } = recordingClient({ event: null, reactions: [] });
    await client.reactions.remove("msg_1", "👍");
    expect(calls[0]).toMatchObject({
      url: "http://h:9/api/messages/msg_1/reactions/%F0%9F%91%8D",
      method: "DELETE",
      headers: { "x-clickclack-csrf": "1" },
    });
  });

  it("treats 204 from logout as success", async () => {
    const { client, calls } = recordingClient(undefined, 204);
    await expect(client.auth.logout()).resolves.toBeUndefined();
    expect(calls[0]).toMatchObject({ url: "http://h:9/api/auth/logout", method: "POST" });
  });

  it("sends the ephemeral body in snake_case", async () => {
    const { client, calls } = recordingClient({ event: { type: "typing.started" } }, 202);
    const event = await client.realtime.ephemeral({
      workspaceId: "wsp_1",
      channelId: "chn_1",
      type: "typing.started",
    });
    expect(event).toEqual({ type: "typing.started" });
    expect(calls[0]?.body).toEqual({
      workspace_id: "wsp_1",
      channel_id: "chn_1",
      type: "typing.started",
    });
  });
});
