// The HTTP side of a bot: a small node:http server that receives registered slash commands. It
// verifies each request's signature before reading anything from it, answers within the server's
// 3-second window, and hands a slower handler's answer to the command's response_url instead.
//
// node:http is imported when `listen` is called, never at module load, so the SDK stays usable in
// browsers (which never call it). The few shapes used are declared here rather than pulling Node's
// types into the SDK's browser build.
import { parseCommand, replyBody, type CommandAnswer, type SlashCommand } from "./command.ts";
import { verifySignature } from "./signature.ts";

/** The server waits 3 s for the answer; leave room for the network. */
export const IMMEDIATE_REPLY_MS = 2_500;
const MAX_BODY_BYTES = 64 * 1024;

export interface ListenOptions {
  /** 0 (default) picks a free port; `address().port` tells which. */
  port?: number;
  /** Default 127.0.0.1; "0.0.0.0" to accept from other machines. */
  host?: string;
  /** The secret `admin command create` printed; used for every command without its own. */
  secret?: string;
  /** Per-command secrets, keyed by trigger ("/claw" or "claw"), when several commands hit one bot. */
  secrets?: Record<string, string>;
  /** How long a handler may take before the answer goes to response_url instead (default 2500 ms). */
  immediateReplyMs?: number;
}

export interface CommandListener {
  /** The port actually bound. */
  port: number;
  /** `http://host:port/`, the URL to register with `admin command create --url`. */
  url: string;
  close(): Promise<void>;
}

/** Runs one command; undefined when nothing is registered for it. */
export type CommandDispatch = (command: SlashCommand) => Promise<CommandAnswer | void> | undefined;

interface NodeRequest extends AsyncIterable<Uint8Array> {
  method?: string;
  headers: Record<string, string | string[] | undefined>;
}
interface NodeResponse {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: string): unknown;
}
interface NodeServer {
  listen(port: number, host: string, ready: () => void): unknown;
  once(event: "error", listener: (error: Error) => void): unknown;
  address(): { port: number } | string | null;
  close(done: (error?: Error) => void): unknown;
  closeAllConnections?(): void;
}
interface NodeHttp {
  createServer(handler: (req: NodeRequest, res: NodeResponse) => void): NodeServer;
}

const NODE_HTTP = "node:http";

export async function listenForCommands(
  options: ListenOptions,
  dispatch: CommandDispatch,
  deliverLater: (command: SlashCommand, reply: CommandAnswer) => Promise<void>,
  reportError: (error: unknown) => void,
): Promise<CommandListener> {
  const http = (await import(/* @vite-ignore */ NODE_HTTP)) as NodeHttp;
  const secretFor = (command: string | undefined) =>
    (command && (options.secrets?.[command] ?? options.secrets?.[command.replace(/^\//, "")])) ||
    options.secret;

  async function handle(req: NodeRequest, res: NodeResponse): Promise<void> {
    const answer = (status: number, body: object | undefined) => {
      res.writeHead(status, body ? { "content-type": "application/json" } : {});
      res.end(body ? JSON.stringify(body) : undefined);
    };
    if (req.method !== "POST") return answer(405, { error: "slash commands are POSTed" });
    const rawBody = await readBody(req);
    if (!rawBody) return answer(413, { error: `body larger than ${MAX_BODY_BYTES} bytes` });
    const text = new TextDecoder().decode(rawBody);
    // The command name picks the secret; nothing else is trusted before the signature checks out.
    const claimed = new URLSearchParams(text).get("command") ?? undefined;
    const secret = secretFor(claimed);
    if (!secret) return answer(401, { error: "no secret configured for this command" });
    const verdict = await verifySignature(secret, {
      timestamp: header(req, "x-clickclack-timestamp"),
      signature: header(req, "x-clickclack-signature"),
      rawBody,
    });
    if (!verdict.ok) return answer(401, { error: verdict.reason });
    const command = parseCommand(text);
    if (!command) return answer(400, { error: "no command field" });
    const running = dispatch(command);
    if (!running) {
      return answer(
        200,
        replyBody({ text: `${command.command} is not handled here`, response_type: "ephemeral" }),
      );
    }
    const outcome = await raceTimer(running, options.immediateReplyMs ?? IMMEDIATE_REPLY_MS);
    if (outcome.kind === "done") {
      return outcome.reply ? answer(200, replyBody(outcome.reply)) : answer(200, undefined);
    }
    // Too slow for the 3-second window: acknowledge now, post the answer through response_url.
    answer(200, undefined);
    const late = await running;
    if (late) await deliverLater(command, late);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      reportError(error);
      try {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "the bot's command handler failed" }));
      } catch {
        // Already answered (the failure came after the immediate reply).
      }
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((ready, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, host, ready);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
  return {
    port,
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections?.();
      }),
  };
}

type Outcome = { kind: "done"; reply: CommandAnswer | void } | { kind: "late" };

async function raceTimer(
  running: Promise<CommandAnswer | void>,
  limitMs: number,
): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Outcome>((done) => {
    timer = setTimeout(() => done({ kind: "late" }), limitMs);
  });
  try {
    return await Promise.race([running.then((reply): Outcome => ({ kind: "done", reply })), late]);
  } finally {
    clearTimeout(timer);
  }
}

function header(req: NodeRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The raw body, or undefined past the size limit. */
async function readBody(req: NodeRequest): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}
