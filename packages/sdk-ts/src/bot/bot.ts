// ClickClackBot: the few lines every bot needs. It follows one workspace's events (reconnecting and
// resuming by cursor), hands other people's messages to `on("message")` / `on("mention")` handlers
// with a context that replies in the thread or reacts, and serves registered slash commands
// (`bot.command("/claw", …)`) from a signed HTTP callback (`bot.listen`).
//
// Messages are handled one at a time in log order, so a handler's replies come out in the order the
// messages were written; a slow handler delays the ones after it.
import { ClickClackClient } from "../client.ts";
import type { Subscription, WebSocketConstructor } from "../realtime.ts";
import type { BackoffPolicy, ConnectionStatus } from "../reconnect.ts";
import type { AnyEvent, Message, User } from "../types.ts";
import { commandKey, replyBody, type CommandAnswer, type SlashCommand } from "./command.ts";
import { messageContext, type MessageContext } from "./context.ts";
import { listenForCommands, type CommandListener, type ListenOptions } from "./listener.ts";

export interface ClickClackBotOptions {
  /** The server, e.g. "https://chat.example.org". */
  url: string;
  /** A bot token (`ccb_…`, from `clickclack admin bot create`) or any bearer token. */
  token: string;
  workspaceId: string;
  /** Resume after this cursor (one `bot.cursor()` returned earlier); default: from now on. */
  afterCursor?: string;
  /** Node 20 has no global WebSocket: pass `WebSocket` from `ws` (otherwise `ws` is imported if installed). */
  WebSocket?: WebSocketConstructor;
  backoff?: Partial<BackoffPolicy>;
  /** A handler threw or a reply failed. Default: console.error. */
  onError?(error: unknown): void;
  onStatus?(status: ConnectionStatus): void;
  /** The server could not replay from the cursor (4001): the bot goes on from the newest events. */
  onResync?(): void;
}

export type MessageHandler = (message: Message, ctx: MessageContext) => unknown;

export interface CommandContext {
  client: ClickClackClient;
  /** Posts to the command's response_url (later replies, up to 30 minutes). */
  respond(reply: CommandAnswer): Promise<void>;
}

export type CommandHandler = (
  command: SlashCommand,
  ctx: CommandContext,
) => CommandAnswer | void | Promise<CommandAnswer | void>;

/** How many handled message ids are remembered to drop a message seen twice in one run. */
const SEEN_MESSAGES = 2_000;

export class ClickClackBot {
  readonly client: ClickClackClient;
  readonly #options: ClickClackBotOptions;
  readonly #handlers: Array<{ kind: "message" | "mention"; handler: MessageHandler }> = [];
  readonly #commands = new Map<string, CommandHandler>();
  readonly #seen = new Set<string>();
  #me: User | undefined;
  #subscription: Subscription | undefined;
  #listeners: CommandListener[] = [];
  #queue: Promise<void> = Promise.resolve();

  constructor(options: ClickClackBotOptions) {
    this.#options = options;
    this.client = new ClickClackClient({ baseUrl: options.url, token: options.token });
  }

  /** The bot's user; set once `start()` resolved. */
  get me(): User {
    if (!this.#me) throw new Error("the bot has not started: await bot.start() first");
    return this.#me;
  }

  /**
   * `message`: every new message or thread reply by someone else in the workspace.
   * `mention`: those of them that @mention the bot by handle (`@channel` does not count).
   */
  on(kind: "message" | "mention", handler: MessageHandler): this {
    this.#handlers.push({ kind, handler });
    return this;
  }

  /** Handles a registered slash command ("/claw" or "claw"); see `listen`. */
  command(trigger: string, handler: CommandHandler): this {
    this.#commands.set(commandKey(trigger), handler);
    return this;
  }

  /** Signs in, subscribes and resolves once the realtime connection is open. */
  async start(): Promise<void> {
    if (this.#subscription) return this.#subscription.connected();
    this.#me = await this.client.me.get();
    const WebSocket = this.#options.WebSocket ?? (await webSocketFallback());
    this.#subscription = this.client.events.subscribe({
      workspaceId: this.#options.workspaceId,
      afterCursor: this.#options.afterCursor,
      WebSocket,
      backoff: this.#options.backoff,
      onError: (error) => this.#reportError(error),
      onStatus: (status) => this.#options.onStatus?.(status),
      onResync: () => this.#options.onResync?.(),
      onEvent: (event) => this.#enqueue(event),
    });
    await this.#subscription.connected();
  }

  /**
   * Serves registered slash commands on a small HTTP server: register its URL with
   * `clickclack admin command create --trigger claw --url URL` and pass the secret it printed.
   */
  async listen(options: ListenOptions): Promise<CommandListener> {
    const listener = await listenForCommands(
      options,
      (command) => this.#runCommand(command),
      (command, reply) => this.#respond(command, reply),
      (error) => this.#reportError(error),
    );
    this.#listeners.push(listener);
    return listener;
  }

  /** The last event cursor seen: pass it as `afterCursor` next time to miss nothing in between. */
  cursor(): string | undefined {
    return this.#subscription?.cursor();
  }

  /** Resolves once every message received so far has been handled. */
  idle(): Promise<void> {
    return this.#queue;
  }

  /** Closes the socket and the command listeners. */
  async stop(): Promise<void> {
    this.#subscription?.close();
    this.#subscription = undefined;
    const listeners = this.#listeners;
    this.#listeners = [];
    await Promise.all(listeners.map((listener) => listener.close()));
    await this.#queue;
  }

  #enqueue(event: AnyEvent): void {
    const message = postedMessage(event);
    if (!message) return;
    this.#queue = this.#queue.then(() => this.#handle(message));
  }

  async #handle(message: Message): Promise<void> {
    const me = this.me;
    if (message.author_id === me.id || message.deleted_at || this.#seen.has(message.id)) return;
    this.#remember(message.id);
    // Old stored events may carry an explicit null here.
    const mentioned = (message.mentioned_user_ids ?? []).includes(me.id);
    for (const [index, { kind, handler }] of this.#handlers.entries()) {
      if (kind === "mention" && !mentioned) continue;
      const ctx = messageContext(this.client, me, message, `${kind}${index}`);
      try {
        await handler(message, ctx);
      } catch (error) {
        this.#reportError(error);
      }
    }
  }

  #remember(messageId: string): void {
    this.#seen.add(messageId);
    if (this.#seen.size > SEEN_MESSAGES) {
      const oldest = this.#seen.values().next().value;
      if (oldest) this.#seen.delete(oldest);
    }
  }

  #runCommand(command: SlashCommand): Promise<CommandAnswer | void> | undefined {
    const handler = this.#commands.get(commandKey(command.command));
    if (!handler) return undefined;
    const ctx: CommandContext = {
      client: this.client,
      respond: (reply) => this.#respond(command, reply),
    };
    return Promise.resolve().then(() => handler(command, ctx));
  }

  async #respond(command: SlashCommand, reply: CommandAnswer): Promise<void> {
    if (!command.responseUrl) throw new Error(`${command.command} came without a response_url`);
    const response = await fetch(command.responseUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(replyBody(reply)),
    });
    if (!response.ok) {
      throw new Error(`response_url answered ${response.status}: ${await response.text()}`);
    }
  }

  #reportError(error: unknown): void {
    (this.#options.onError ?? ((e: unknown) => console.error(e)))(error);
  }
}

/** Root messages and thread replies; edits and deletions are not new messages. */
function postedMessage(event: AnyEvent): Message | undefined {
  if (event.type === "message.created" || event.type === "thread.reply_created") {
    return event.payload.message;
  }
  return undefined;
}

const WS_PACKAGE = "ws";

/** The global WebSocket (browsers, Node 22+), else the `ws` package when it is installed. */
async function webSocketFallback(): Promise<WebSocketConstructor> {
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (global) return global;
  try {
    const ws = (await import(/* @vite-ignore */ WS_PACKAGE)) as { WebSocket: WebSocketConstructor };
    return ws.WebSocket;
  } catch (cause) {
    throw new TypeError("no global WebSocket: npm install ws, or pass { WebSocket } from it", {
      cause,
    });
  }
}
