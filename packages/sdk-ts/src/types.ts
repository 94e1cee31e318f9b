// Friendly names for the generated OpenAPI types. Nothing here is written by hand except the
// mapping from durable event type to payload shape, which the contract documents per type.
import type { components } from "./generated/openapi.ts";

type Schemas = components["schemas"];

export type User = Schemas["User"];
export type UserStatus = Schemas["UserStatus"];
export type StatusInput = Schemas["UpdateStatusRequest"];
export type MemberPage = Schemas["MemberListResponse"];
export type Workspace = Schemas["Workspace"];
export type Role = Schemas["Role"];
export type Member = Schemas["Member"];
export type Channel = Schemas["Channel"];
export type ThreadState = Schemas["ThreadState"];
export type Reaction = Schemas["Reaction"];
export type ReactionChange = Schemas["ReactionChange"];
export type Reactor = Schemas["Reactor"];
export type Message = Schemas["Message"];
export type Session = Schemas["Session"];
export type Receipt = Schemas["Receipt"];
export type Presence = Schemas["Presence"];
export type Event = Schemas["Event"];
export type EventType = Schemas["DurableEventType"];
export type EphemeralEvent = Schemas["EphemeralEvent"];
export type EphemeralEventType = Schemas["EphemeralEventType"];
export type MessagePage = Schemas["MessagePage"];
export type EventPage = Schemas["EventPage"];
export type ErrorBody = Schemas["Error"];
export type SearchPage = Schemas["SearchResponse"];
export type SearchResult = Schemas["SearchResult"];
export type Upload = Schemas["Upload"];
/** The `sort` of a search: best match first, or newest first (`newest` is the same as `recent`). */
export type SearchSort = "relevance" | "recent" | "newest";

export type MagicConsumeResult = Schemas["MagicConsumeResponse"];
export type MagicLinkOwner = Schemas["MagicInspectResponse"];
export type Invite = Schemas["Invite"];
export type BotScope = Schemas["BotScope"];
export type BotToken = Schemas["BotToken"];
export type BotWithTokens = Schemas["BotWithTokens"];
export type BotCreated = Schemas["BotCreatedResponse"];
export type CreateBotInput = Schemas["CreateBotRequest"];
export type CreateBotTokenInput = Schemas["CreateBotTokenRequest"];
export type Webhook = Schemas["Webhook"];
export type CreateWebhookInput = Schemas["CreateWebhookRequest"];
export type IncomingWebhookPayload = Schemas["IncomingWebhookRequest"];
export type SlashCommand = Schemas["SlashCommand"];
export type RegisterCommandInput = Schemas["RegisterCommandRequest"];
export type CommandWithSecret = Schemas["CommandSecretResponse"];
export type CommandReply = Schemas["CommandReplyRequest"];
export type CommandResult = Schemas["CommandResponse"];
export type EventSubscription = Schemas["EventSubscription"];
export type EventSubscriptionWithSecret = Schemas["EventSubscriptionSecretResponse"];
export type CreateEventSubscriptionInput = Schemas["CreateEventSubscriptionRequest"];
export type EventDelivery = Schemas["EventDelivery"];
export type InviteAcceptResult = Schemas["InviteAcceptResponse"];
export type InvitePreview = Schemas["InvitePreview"];
export type InviteCreated = Schemas["InviteCreatedResponse"];
export type SessionSummary = Schemas["SessionSummary"];
export type SignInProviders = Schemas["ProvidersResponse"];
export type CreateWorkspaceResult = Schemas["CreateWorkspaceResponse"];
export type ChannelEventResult = Schemas["ChannelEventResponse"];
export type MessageEventResult = Schemas["MessageEventResponse"];
export type Thread = Schemas["ThreadResponse"];
export type ThreadReplyResult = Schemas["ThreadReplyResponse"];
export type ReactionResult = Schemas["ReactionResponse"];

export type UpdateMeInput = Schemas["UpdateMeRequest"];
export type CreateWorkspaceInput = Schemas["CreateWorkspaceRequest"];
export type CreateChannelInput = Schemas["CreateChannelRequest"];
export type UpdateChannelInput = Schemas["UpdateChannelRequest"];
export type ChannelMember = Schemas["ChannelMember"];
export type NotificationPreference = Schemas["NotificationPreference"];
export type SendMessageInput = Schemas["SendMessageRequest"];

/** The payload each durable event type carries (ids plus the affected object). */
export interface EventPayloads {
  "workspace.created": Schemas["WorkspaceEventPayload"];
  "member.joined": Schemas["MemberEventPayload"];
  "member.removed": Schemas["MemberEventPayload"];
  "member.updated": Schemas["MemberEventPayload"];
  "workspace.updated": Schemas["WorkspaceUpdatedEventPayload"];
  "workspace.ownership_transferred": Schemas["OwnershipTransferredEventPayload"];
  "channel.created": Schemas["ChannelEventPayload"];
  "channel.updated": Schemas["ChannelEventPayload"];
  "channel.member_joined": Schemas["ChannelMemberEventPayload"];
  "channel.member_left": Schemas["ChannelMemberEventPayload"];
  "pin.added": Schemas["PinEventPayload"];
  "pin.removed": Schemas["PinEventPayload"];
  "message.created": Schemas["MessageEventPayload"];
  "message.updated": Schemas["MessageEventPayload"];
  "message.deleted": Schemas["MessageEventPayload"];
  "thread.reply_created": Schemas["ThreadReplyCreatedEventPayload"];
  "thread.state_updated": Schemas["ThreadStateUpdatedEventPayload"];
  "reaction.added": Schemas["ReactionEventPayload"];
  "reaction.removed": Schemas["ReactionEventPayload"];
  "channel.read": Schemas["ChannelReadEventPayload"];
  "user.updated": Schemas["UserEventPayload"];
  "dm.created": Schemas["DmCreatedEventPayload"];
  "dm.read": Schemas["DmReadEventPayload"];
}

/** An event narrowed to one type, with its payload typed. */
export type TypedEvent<T extends EventType> = Omit<Event, "type" | "payload"> & {
  type: T;
  payload: EventPayloads[T];
};

/**
 * A durable event as a union over `type`, so `switch (event.type)` narrows `payload`:
 * `case "reaction.added": event.payload.reaction.emoji`.
 */
export type AnyEvent = { [T in EventType]: TypedEvent<T> }[EventType];

/**
 * Narrows an event by type so its payload is typed:
 * `if (isEventType(e, "message.created")) e.payload.message.body`.
 */
export function isEventType<T extends EventType>(event: Event, type: T): event is TypedEvent<T> {
  return event.type === type;
}
