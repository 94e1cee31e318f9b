import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { subscribe, type RealtimeContext, type WebSocketLike } from "../../src/realtime.ts";
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
});
