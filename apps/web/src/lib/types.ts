// Wire shapes come from the SDK, which generates them from packages/protocol/openapi.yaml: a contract
// change surfaces here as a type error rather than as a surprise in the browser.

export type {
  Channel,
  EphemeralEvent,
  Event as ChatEvent,
  Invite,
  InviteCreated,
  InvitePreview,
  SessionSummary,
  SignInProviders,
  MagicLinkOwner as LinkOwner,
  Member,
  Message,
  MessagePage,
  Presence as PresenceEntry,
  Reaction,
  ReactionChange,
  Reactor,
  Thread as ThreadPage,
  ThreadState,
  UpdateMeInput,
  User,
  UserStatus,
  Workspace,
} from "@clickclack/sdk";
