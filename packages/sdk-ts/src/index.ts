export { ClickClackClient, messagePageQuery, eventListQuery, searchQuery } from "./client.ts";
export type {
  ClickClackClientOptions,
  EphemeralOptions,
  EventListOptions,
  MessagePageOptions,
  SearchOptions,
} from "./client.ts";
export { ClickClackError } from "./errors.ts";
export { bearerProtocol, isDurable, SubscriptionClosedError } from "./realtime.ts";
export type {
  EventHandlers,
  RealtimeContext,
  ResyncInfo,
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
export { NOT_IN_SDK, OPERATIONS } from "./operations.ts";
export type * from "./types.ts";
export type { components, paths } from "./generated/openapi.ts";
export { ClickClackBot } from "./bot/bot.ts";
export type {
  ClickClackBotOptions,
  CommandContext,
  CommandHandler,
  MessageHandler,
} from "./bot/bot.ts";
export type { CommandAnswer, SlashCommand } from "./bot/command.ts";
export type { MessageContext } from "./bot/context.ts";
export { IMMEDIATE_REPLY_MS } from "./bot/listener.ts";
export type { CommandListener, ListenOptions } from "./bot/listener.ts";
export { SIGNATURE_TOLERANCE_SECONDS, signBody, verifySignature } from "./bot/signature.ts";
export type { SignedRequest, Verdict } from "./bot/signature.ts";
