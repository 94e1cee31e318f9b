import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  subscribe,
  SubscriptionClosedError,
  type RealtimeContext,
  type WebSocketLike,
} from "../../src/realtime.ts";
import type { ConnectionStatus } from "../../src/reconnect.ts";
import type { EphemeralEvent, Event } from "../../src/types.ts";

/** A WebSocket double: tests drive open/message/close by hand. */
class FakeSocket implements WebSocketLike {
  static all: FakeSocket[] = [];
  onopen: ((event: never) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: never) => void) | null = null;
  closedWith: number | undefined;
  readonly url: string;
  readonly protocols: string | string[] | undefined;

  constructor(url: string, protocols?: string | string[]) {
    this.url = url;
    this.protocols = protocols;
    FakeSocket.all.push(this);
  }
  open() {
    this.onopen?.(undefined as never);
  }
  /** What the client sent (the view signal). */
  sent: string[] = [];
  /** The server sends a frame. */
  push(frame: object) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  send(data: string) {
    this.sent.push(data);
  }
  serverClose(code: number) {
    this.onclose?.({ code, reason: "" });
  }
  close(code?: number) {
    this.closedWith = code;
  }
}

function event(cursor: string): Event {
  return {
    id: `evt_${cursor}`,
    cursor,
    type: "message.created",
    workspace_id: "wsp_1",
    created_at: "2026-01-01T00:00:00Z",
    payload: {},
  };
}

const context: RealtimeContext = {
  token: "secret",
  socketUrl: (workspaceId, afterCursor) => `ws://h/ws?w=${workspaceId}&after=${afterCursor ?? ""}`,
  tailCursor: async () => "tail1",
};

const latest = () => FakeSocket.all.at(-1)!;

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("subscribe", () => {
  it("starts from the tail, authenticates by subprotocol and delivers events in order", async () => {
    const seen: string[] = [];
    const sub = subscribe(context, {
      workspaceId: "wsp_1",
      WebSocket: FakeSocket,
      onEvent: (e) => seen.push(e.cursor),
    });
    await vi.runAllTimersAsync();
    expect(latest().url).toBe("ws://h/ws?w=wsp_1&after=tail1");
    expect(latest().protocols).toEqual(["clickclack.bearer.secret"]);
    latest().open();
    latest().push(event("c1"));
    latest().push(event("c2"));
    expect(seen).toEqual(["c1", "c2"]);
    expect(sub.cursor()).toBe("c2");
    sub.close();
  });

  it("sends the view signal on the open socket and again after a reconnect", async () => {
    const sub = subscribe(context, {
      workspaceId: "wsp_1",
      WebSocket: FakeSocket,
      onEvent: () => {},
    });
    await vi.runAllTimersAsync();
    sub.view("chn_1"); // not open yet: remembered, sent on open
    expect(latest().sent).toEqual([]);
    latest().open();
    expect(latest().sent).toEqual(['{"type":"view","channel_id":"chn_1"}']);
    sub.view("chn_1"); // unchanged: nothing sent
    sub.view(undefined);
    expect(latest().sent.at(-1)).toBe('{"type":"view","channel_id":null}');
    sub.view("chn_2");
    latest().serverClose(1006);
    await vi.runAllTimersAsync();
    latest().open();
    expect(latest().sent).toEqual(['{"type":"view","channel_id":"chn_2"}']);
    sub.close();
  });

  it("resumes from the last cursor after a drop", async () => {
    const sub = subscribe(context, {
      workspaceId: "wsp_1",
      afterCursor: "c0",
      WebSocket: FakeSocket,
      onEvent: () => {},
    });
    await vi.runAllTimersAsync();
    latest().open();
    latest().push(event("c3"));
    latest().serverClose(1006);
    await vi.runAllTimersAsync();
    expect(FakeSocket.all).toHaveLength(2);
    expect(latest().url).toBe("ws://h/ws?w=wsp_1&after=c3");
    sub.close();
  });

  it("lets the app refetch on 4001 and continues from the cursor it returns", async () => {
    const onResync = vi.fn<() => Promise<string>>(async () => "fresh7");
    const sub = subscribe(context, {
      workspaceId: "wsp_1",
      afterCursor: "bogus",
      WebSocket: FakeSocket,
      onEvent: () => {},
      onResync,
    });
    await vi.runAllTimersAsync();
    latest().open();
    latest().serverClose(4001);
    await vi.runAllTimersAsync();
    expect(onResync).toHaveBeenCalledOnce();
    expect(latest().url).toBe("ws://h/ws?w=wsp_1&after=fresh7");
    sub.close();
  });

  it("falls back to the server's tail cursor when onResync returns nothing", async () => {
    const sub = subscribe(context, {
      workspaceId: "wsp_1",
      afterCursor: "bogus",
      WebSocket: FakeSocket,
      onEvent: () => {},
      onResync: () => {},
    });
    await vi.runAllTimersAsync();
    latest().open();
    latest().serverClose(4001);
    await vi.runAllTimersAsync();
    expect(latest().url).toBe("ws://h/ws?w=wsp_1&after=tail1");
    sub.close();
  });

  it("reports statuses and stops on 1008 without reconnecting", async () => {
    const statuses: ConnectionStatus[] = [];
    subscribe(context, {
      workspaceId: "wsp_1",
      afterCursor: "c0",
      WebSocket: FakeSocket,
      onEvent: () => {},
      onStatus: (s) => statuses.push(s),
    });
    await vi.runAllTimersAsync();
    latest().open();
    latest().serverClose(1006);
    await vi.runAllTimersAsync();
    latest().open();
    latest().serverClose(1008);
    await vi.runAllTimersAsync();
    expect(statuses).toEqual(["connecting", "open", "reconnecting", "open", "closed"]);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it("routes frames without a cursor to onEphemeral and survives a throwing handler", async () => {
    const ephemeral = vi.fn<(event: EphemeralEvent) => void>();
    const errors: unknown[] = [];
    const sub = subscribe(context, {
      workspaceId: "wsp_1",
      afterCursor: "c0",
      WebSocket: FakeSocket,
      onEvent: () => {
        throw new Error("handler bug");
      },
      onEphemeral: ephemeral,
      onError: (e) => errors.push(e),
    });
    await vi.runAllTimersAsync();
    latest().open();
    latest().push({
      type: "typing.started",
      workspace_id: "wsp_1",
      channel_id: null,
      user_id: "usr_1",
      created_at: "x",
      payload: {},
    });
    latest().push(event("c1"));
    latest().onmessage?.({ data: "not json" });
    expect(ephemeral).toHaveBeenCalledOnce();
    expect(errors).toHaveLength(2);
    expect(sub.cursor()).toBe("c1");
    sub.close();
  });

  it("closes the socket on close() and never reconnects", async () => {
    const sub = subscribe(context, {
      workspaceId: "wsp_1",
      afterCursor: "c0",
      WebSocket: FakeSocket,
      onEvent: () => {},
    });
    await vi.runAllTimersAsync();
    latest().open();
    const socket = latest();
    sub.close();
    expect(socket.closedWith).toBe(1000);
    socket.serverClose(1006);
    await vi.runAllTimersAsync();
    expect(FakeSocket.all).toHaveLength(1);
  });

  it("reads the tail before the app refetches on 4001 and resumes from it by default", async () => {
    const calls: string[] = [];
    const ctx: RealtimeContext = {
      ...context,
      tailCursor: async () => {
        calls.push("tail");
        return "tail9";
      },
    };
    const sub = subscribe(ctx, {
      workspaceId: "wsp_1",
      afterCursor: "old",
      WebSocket: FakeSocket,
      onResync: ({ tailCursor }) => {
        calls.push(`refetch after ${tailCursor}`);
      },
    });
    await vi.runAllTimersAsync();
    latest().open();
    latest().serverClose(4001);
    await vi.runAllTimersAsync();
    expect(calls).toEqual(["tail", "refetch after tail9"]);
    expect(latest().url).toBe("ws://h/ws?w=wsp_1&after=tail9");
    sub.close();
  });

  it("calls a type's handler with the typed event and only for that type", async () => {
    const bodies: string[] = [];
    const all: string[] = [];
    const sub = subscribe(context, {
      workspaceId: "wsp_1",
      afterCursor: "c0",
      WebSocket: FakeSocket,
      onEvent: (e) => all.push(e.type),
      on: { "message.created": (e) => bodies.push(e.payload.message.body) },
    });
    await vi.runAllTimersAsync();
    latest().open();
    latest().push({ ...event("c1"), payload: { message: { body: "hello" } } });
    latest().push({ ...event("c2"), type: "reaction.added" });
    expect(bodies).toEqual(["hello"]);
    expect(all).toEqual(["message.created", "reaction.added"]);
    sub.close();
  });

  it("resolves connected() once the socket opens, and again after a reconnect", async () => {
    const sub = subscribe(context, {
      workspaceId: "wsp_1",
      afterCursor: "c0",
      WebSocket: FakeSocket,
    });
    let opened = false;
    const first = sub.connected().then(() => (opened = true));
    await vi.runAllTimersAsync();
    expect(opened).toBe(false);
    latest().open();
    await first;
    expect(sub.status()).toBe("open");
    latest().serverClose(1006);
    expect(sub.status()).toBe("reconnecting");
    let reopened = false;
    const second = sub.connected().then(() => (reopened = true));
    await vi.runAllTimersAsync();
    expect(reopened).toBe(false);
    latest().open();
    await second;
    await expect(sub.connected()).resolves.toBeUndefined();
    sub.close();
  });

  it("rejects connected() when the server refuses the credentials (1008)", async () => {
    const sub = subscribe(context, {
      workspaceId: "wsp_1",
      afterCursor: "c0",
      WebSocket: FakeSocket,
    });
    const waiting = sub.connected();
    await vi.runAllTimersAsync();
    latest().serverClose(1008);
    await expect(waiting).rejects.toThrow(/subscription closed \(1008/);
    await expect(sub.connected()).rejects.toBeInstanceOf(SubscriptionClosedError);
  });
});
