// The durable event log: a page over HTTP, or a live subscription over the WebSocket.
import {
  subscribe,
  type RealtimeContext,
  type SubscribeOptions,
  type Subscription,
} from "../realtime.ts";
import { webSocketUrl, type Transport } from "../http.ts";
import { eventListQuery, type EventListOptions } from "../queries.ts";
import type { EventPage } from "../types.ts";

export interface EventsApi {
  /** A page of the durable event log after a cursor. */
  list(options: EventListOptions): Promise<EventPage>;
  /** Follows a workspace's events over a WebSocket that reconnects by cursor. */
  subscribe(options: SubscribeOptions): Subscription;
}

export function eventsApi(http: Transport): EventsApi {
  return {
    list: (options) =>
      http.request("get", "/api/realtime/events", { query: eventListQuery(options) }),
    subscribe: (options) => subscribe(realtimeContext(http), options),
  };
}

function realtimeContext(http: Transport): RealtimeContext {
  return {
    token: http.token,
    socketUrl: (workspaceId, afterCursor) =>
      webSocketUrl(
        http.url("/api/realtime/ws", undefined, {
          workspace_id: workspaceId,
          after_cursor: afterCursor,
        }),
        // Undefined outside browsers; then baseUrl must be absolute.
        (globalThis as { location?: { href: string } }).location?.href,
      ),
    tailCursor: async (workspaceId) => {
      const page = await http.request("get", "/api/realtime/events", {
        query: { workspace_id: workspaceId, limit: 1, include_tail: true },
      });
      return page.tail_cursor ?? undefined;
    },
  };
}
