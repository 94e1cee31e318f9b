// The friendly wrapper. Rule of thumb for return values: a one-key envelope is unwrapped
// (`{user}` → User, `{channels}` → Channel[]); envelopes with several keys are returned whole,
// because the extra keys matter (a mutation's `event` carries the cursor the app has seen).
// Each feature's methods live in api/<feature>.ts; operations.ts maps every OpenAPI operation to one.
import { authApi, invitesApi } from "./api/auth.ts";
import { botsApi, commandsApi, webhooksApi } from "./api/bots.ts";
import { channelsApi } from "./api/channels.ts";
import { dmsApi } from "./api/dms.ts";
import { eventsApi, type EventsApi } from "./api/events.ts";
import { healthApi } from "./api/health.ts";
import { meApi } from "./api/me.ts";
import { eventSubscriptionsApi } from "./api/subscriptions.ts";
import { uploadsApi } from "./api/uploads.ts";
import { messagesApi, reactionsApi, searchApi, threadsApi } from "./api/messages.ts";
import { realtimeApi } from "./api/realtime.ts";
import { workspacesApi } from "./api/workspaces.ts";
import { Transport, type TransportOptions } from "./http.ts";
import type { UpdateMeInput, User } from "./types.ts";

export {
  eventListQuery,
  messagePageQuery,
  searchQuery,
  type EphemeralOptions,
  type EventListOptions,
  type MessagePageOptions,
  type SearchOptions,
} from "./queries.ts";

export type ClickClackClientOptions = TransportOptions;

export class ClickClackClient {
  readonly auth: ReturnType<typeof authApi>;
  readonly invites: ReturnType<typeof invitesApi>;
  readonly bots: ReturnType<typeof botsApi>;
  readonly webhooks: ReturnType<typeof webhooksApi>;
  readonly commands: ReturnType<typeof commandsApi>;
  readonly eventSubscriptions: ReturnType<typeof eventSubscriptionsApi>;
  readonly me: ReturnType<typeof meApi>;
  readonly workspaces: ReturnType<typeof workspacesApi>;
  readonly channels: ReturnType<typeof channelsApi>;
  readonly messages: ReturnType<typeof messagesApi>;
  readonly dms: ReturnType<typeof dmsApi>;
  readonly threads: ReturnType<typeof threadsApi>;
  readonly reactions: ReturnType<typeof reactionsApi>;
  readonly realtime: ReturnType<typeof realtimeApi>;
  readonly search: ReturnType<typeof searchApi>;
  readonly uploads: ReturnType<typeof uploadsApi>;
  readonly health: ReturnType<typeof healthApi>;
  readonly events: EventsApi;
  readonly #http: Transport;

  constructor(options: ClickClackClientOptions) {
    const http = new Transport(options);
    this.#http = http;
    this.auth = authApi(http);
    this.invites = invitesApi(http);
    this.bots = botsApi(http);
    this.webhooks = webhooksApi(http);
    this.commands = commandsApi(http);
    this.eventSubscriptions = eventSubscriptionsApi(http);
    this.me = meApi(http);
    this.workspaces = workspacesApi(http);
    this.channels = channelsApi(http);
    this.messages = messagesApi(http);
    this.dms = dmsApi(http);
    this.threads = threadsApi(http);
    this.reactions = reactionsApi(http);
    this.realtime = realtimeApi(http);
    this.search = searchApi(http);
    this.uploads = uploadsApi(http);
    this.health = healthApi(http);
    this.events = eventsApi(http);
  }

  /** Changes the caller's profile (the original SDK's name for `me.update`). */
  updateMe(patch: UpdateMeInput): Promise<User> {
    return this.me.update(patch);
  }

  /** The server's base URL, as given. */
  get baseUrl(): string {
    return this.#http.baseUrl;
  }

  /** The bearer token, if any (undefined means cookie authentication). */
  get token(): string | undefined {
    return this.#http.token;
  }
}
