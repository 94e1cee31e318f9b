// Follows a workspace's event stream over a WebSocket that always recovers. The decisions live
// in reconnect.ts; this file only owns the socket, the timers and the callbacks.
import {
  DEFAULT_BACKOFF,
  initialState,
  reduce,
  type BackoffPolicy,
  type ConnectionStatus,
  type ReconnectEffect,
  type ReconnectInput,
} from "./reconnect.ts";
import type { AnyEvent, EphemeralEvent, Event, EventType, TypedEvent } from "./types.ts";

/**
 * The subset of the WebSocket API we use: the browser's and the `ws` package's both fit. Handler
 * parameters are `never` so either library's own event types are accepted; the shapes we rely
 * on are MessageFrame and CloseFrame.
 */
export interface WebSocketLike {
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  close(code?: number, reason?: string): void;
  /** Present on real sockets; only the view signal uses it. */
  send?(data: string): void;
}
interface MessageFrame {
  data: unknown;
}
interface CloseFrame {
  code: number;
  reason: string;
}
export type WebSocketConstructor = new (
  url: string,
  protocols?: string | string[],
) => WebSocketLike;

export interface StatusDetail {
  /** The close code that caused this status, when a socket closed. */
  code?: number;
  reason?: string;
}

export interface ResyncInfo {
  /** The newest cursor, read before `onResync` was called (undefined for an empty log). */
  tailCursor: string | undefined;
}

export interface SubscribeOptions {
  workspaceId: string;
  /** Resume after this cursor. Without it the subscription starts at the current tail. */
  afterCursor?: string;
  /**
   * Every durable event, in order, exactly once across reconnects. The event is a union over `type`:
   * `switch (event.type)` (or `isEventType`) narrows `payload` to that type's schema.
   */
  onEvent?(event: AnyEvent): void;
  /** Handlers for single event types, called after `onEvent`: `{"message.created": (e) => e.payload.message}`. */
  on?: EventHandlers;
  /** Typing and presence signals (not stored, may drop). */
  onEphemeral?(event: EphemeralEvent): void;
  onStatus?(status: ConnectionStatus, detail: StatusDetail): void;
  /**
   * The server could not replay from our cursor (close 4001): refetch what the app shows over
   * HTTP. `tailCursor` is the log's tail read just before this call: by default the subscription
   * resumes from it, so nothing that happens while the app refetches is missed. Return another
   * cursor to resume from there instead.
   */
  onResync?(resync: ResyncInfo): Promise<string | void> | string | void;
  /** A handler threw, or a frame was not JSON. Defaults to console.error. */
  onError?(error: unknown): void;
  /** Needed on Node 20 (no global WebSocket): e.g. `WebSocket` from the `ws` package. */
  WebSocket?: WebSocketConstructor;
  backoff?: Partial<BackoffPolicy>;
}

/** One handler per durable event type, each receiving that type's payload. */
export type EventHandlers = { [T in EventType]?: (event: TypedEvent<T>) => void };

export interface Subscription {
  /** Stops for good and closes the socket. */
  close(): void;
  /** The last durable cursor seen; persist it to resume later without a gap. */
  cursor(): string | undefined;
  /**
   * Says this socket is looking at a public channel it has not joined (a preview), so that channel's events
   * reach it too; `undefined` stops. Sent now if the socket is open and again after every reconnect.
   */
  view(channelId: string | undefined): void;
  /** The connection's state now. */
  status(): ConnectionStatus;
  /**
   * Resolves once the socket is open (at once when it is open now): events after this point are
   * delivered live. Rejects when the subscription ends first (`close()`, or the server refused the
   * credentials with 1008).
   */
  connected(): Promise<void>;
}

/** Why `connected()` rejected: the subscription ended before (or instead of) opening. */
export class SubscriptionClosedError extends Error {
  readonly code: number | undefined;

  constructor(detail: StatusDetail) {
    super(
      detail.code
        ? `subscription closed (${detail.code}${detail.reason ? ` ${detail.reason}` : ""})`
        : "subscription closed",
    );
    this.name = "SubscriptionClosedError";
    this.code = detail.code;
  }
}

/** What the subscription needs from the client; keeps URLs and auth inside the SDK. */
export interface RealtimeContext {
  token: string | undefined;
  socketUrl(workspaceId: string, afterCursor: string | undefined): string;
  tailCursor(workspaceId: string): Promise<string | undefined>;
}

/** Subprotocol carrying the bearer token, for clients that cannot set headers (browsers). */
export function bearerProtocol(token: string): string {
  return `clickclack.bearer.${token}`;
}

/** Durable events carry a cursor; ephemeral ones do not. */
export function isDurable(frame: Event | EphemeralEvent): frame is Event {
  return typeof (frame as { cursor?: unknown }).cursor === "string";
}

function webSocketGlobal(): WebSocketConstructor {
  const Socket = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (!Socket) {
    throw new TypeError(
      'no global WebSocket (Node 20): pass one, e.g. subscribe({ WebSocket }) with `import { WebSocket } from "ws"`',
    );
  }
  return Socket;
}

export function subscribe(ctx: RealtimeContext, options: SubscribeOptions): Subscription {
  const Socket = options.WebSocket ?? webSocketGlobal();
  const env = { policy: { ...DEFAULT_BACKOFF, ...options.backoff }, random: Math.random };
  const reportError = options.onError ?? ((error: unknown) => console.error(error));
  let state = initialState(options.afterCursor);
  let socket: WebSocketLike | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let viewing: string | undefined;
  let open = false;
  let waiters: Array<{ resolve(): void; reject(error: Error): void }> = [];

  function dispatch(input: ReconnectInput, detail: StatusDetail = {}): void {
    const before = state.status;
    const result = reduce(state, input, env);
    state = result.state;
    if (state.status !== before) {
      settleWaiters(detail);
      safely(() => options.onStatus?.(state.status, detail));
    }
    run(result.effect);
  }

  function settleWaiters(detail: StatusDetail): void {
    if (state.status !== "open" && state.status !== "closed") return;
    const settled = waiters;
    waiters = [];
    for (const waiter of settled) {
      if (state.status === "open") waiter.resolve();
      else waiter.reject(new SubscriptionClosedError(detail));
    }
  }

  function connected(): Promise<void> {
    if (state.status === "open") return Promise.resolve();
    if (state.status === "closed") return Promise.reject(new SubscriptionClosedError({}));
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  }

  function run(effect: ReconnectEffect): void {
    switch (effect.kind) {
      case "none":
        return;
      case "stop":
        clearTimeout(timer);
        detach()?.close(1000, "client closed");
        return;
      case "connect":
        timer = setTimeout(connect, effect.delayMs);
        return;
      case "locate":
        timer = setTimeout(() => void locate(effect.askApp), effect.delayMs);
        return;
    }
  }

  async function locate(askApp: boolean): Promise<void> {
    try {
      // The tail is read before the app refetches, so whatever happens during the refetch is
      // replayed after it rather than lost between the two.
      const tail = await ctx.tailCursor(options.workspaceId);
      const fromApp = askApp ? await options.onResync?.({ tailCursor: tail }) : undefined;
      dispatch({ type: "located", cursor: typeof fromApp === "string" ? fromApp : tail });
    } catch (error) {
      reportError(error);
      dispatch({ type: "locateFailed", askApp });
    }
  }

  function connect(): void {
    const protocols = ctx.token ? [bearerProtocol(ctx.token)] : undefined;
    let ws: WebSocketLike;
    try {
      ws = new Socket(ctx.socketUrl(options.workspaceId, state.cursor), protocols);
    } catch (error) {
      // e.g. a relative baseUrl outside a browser: report it and retry like a failed dial.
      reportError(error);
      dispatch({ type: "closed", code: 1006, nowMs: Date.now() }, { code: 1006 });
      return;
    }
    socket = ws;
    open = false;
    ws.onopen = () => {
      open = true;
      if (viewing) sendView(ws);
      dispatch({ type: "opened", nowMs: Date.now() });
    };
    ws.onmessage = (message: MessageFrame) => receive(message.data);
    ws.onerror = () => {
      // Always followed by close, which carries the code we act on.
    };
    ws.onclose = (closed: CloseFrame) => {
      if (socket !== ws) return;
      socket = undefined;
      dispatch(
        { type: "closed", code: closed.code, nowMs: Date.now() },
        { code: closed.code, reason: closed.reason },
      );
    };
  }

  function receive(data: unknown): void {
    let frame: Event | EphemeralEvent;
    try {
      frame = JSON.parse(typeof data === "string" ? data : String(data)) as Event | EphemeralEvent;
    } catch (error) {
      reportError(error);
      return;
    }
    if (isDurable(frame)) {
      // Advance first: a throwing handler must not make us replay the event forever.
      dispatch({ type: "event", cursor: frame.cursor });
      const event = frame as AnyEvent;
      safely(() => options.onEvent?.(event));
      const handler = options.on?.[event.type] as ((event: AnyEvent) => void) | undefined;
      if (handler) safely(() => handler(event));
    } else {
      safely(() => options.onEphemeral?.(frame));
    }
  }

  function sendView(ws: WebSocketLike): void {
    safely(() => ws.send?.(JSON.stringify({ type: "view", channel_id: viewing ?? null })));
  }

  function safely(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      reportError(error);
    }
  }

  /** Forgets the current socket so its late callbacks are ignored. */
  function detach(): WebSocketLike | undefined {
    const ws = socket;
    socket = undefined;
    if (ws) {
      ws.onmessage = null;
      ws.onclose = null;
      ws.onopen = null;
    }
    return ws;
  }

  safely(() => options.onStatus?.("connecting", {}));
  dispatch({ type: "start" });

  return {
    close: () => dispatch({ type: "stop" }),
    cursor: () => state.cursor,
    view: (channelId) => {
      if (channelId === viewing) return;
      viewing = channelId;
      if (socket && open) sendView(socket);
    },
    status: () => state.status,
    connected,
  };
}
