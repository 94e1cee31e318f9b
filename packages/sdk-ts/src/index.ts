export { ClickClackClient, messagePageQuery, eventListQuery, searchQuery } from "./client.ts";
export type {
  ClickClackClientOptions,
  EphemeralOptions,
  EventListOptions,
  MessagePageOptions,
  SearchOptions,
} from "./client.ts";
export { ClickClackError } from "./errors.ts";
export { bearerProtocol, isDurable } from "./realtime.ts";
export type {
  RealtimeContext,
  StatusDetail,
  SubscribeOptions,
  Subscription,
  WebSocketConstructor,
  WebSocketLike,
} from "./realtime.ts";
export {
  CLOSE_POLICY_VIOLATION,
  CLOSE_WORKSPACE_DELETED,
  CLOSE_RESYNC_REQUIRED,
  CLOSE_TRY_AGAIN_LATER,
  DEFAULT_BACKOFF,
} from "./reconnect.ts";
export type { BackoffPolicy, ConnectionStatus } from "./reconnect.ts";
export { isEventType } from "./types.ts";
export type * from "./types.ts";
export type { components, paths } from "./generated/openapi.ts";
