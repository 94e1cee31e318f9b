// Starts the real server jar for the browser tests. It reuses the SDK harness (jar and JDK lookup, start-up
// and CLI helpers) and adds what the browser tests need beyond it: a fixed port and data directory that
// survive a restart, so a test can stop the server under open pages and start it again at the same address.

import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  javaExecutable,
  listeningUrl,
  runCli,
  serverJar,
  waitUntilReady,
} from "../../../packages/sdk-ts/test/server.ts";

export interface StartOptions {
  dev?: boolean;
  /** 0 (default) picks a free port; pass a previous server's port to restart at the same address. */
  port?: number;
  /** Reuse a data directory (restart); by default a fresh temporary one. */
  dataDir?: string;
  /** Extra CLICKCLACK_* settings, e.g. SMTP for the invite test. */
  env?: Record<string, string>;
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** Stops the process and keeps the data directory (for a restart). */
  stop(): Promise<void>;
  /** Stops the process and deletes the data directory. */
  destroy(): Promise<void>;
  /** Runs `clickclack <args> --data <dataDir>` and answers its trimmed stdout. */
  cli(args: string[]): Promise<string>;
}

const MIN_JAVA = 21;

/**
 * $JAVA_HOME's java when set; otherwise the newest JDK >= 21 under /usr/lib/jvm (the machine's default
 * `java` is 17, which cannot run the server), and plain `java` as a last resort.
 */
function java(): string {
  if (process.env.JAVA_HOME) return javaExecutable();
  const root = "/usr/lib/jvm";
  const candidates = existsSync(root)
    ? readdirSync(root)
        .map((name) => ({ name, version: Number(/(?:^|-)(\d+)(?:[.-]|$)/.exec(name)?.[1] ?? 0) }))
        .filter((jdk) => jdk.version >= MIN_JAVA && existsSync(join(root, jdk.name, "bin", "java")))
        .sort((a, b) => b.version - a.version)
    : [];
  return candidates[0] ? join(root, candidates[0].name, "bin", "java") : "java";
}
const STOP_TIMEOUT_MS = 10_000;

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const jar = serverJar();
  const javaBin = java();
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "clickclack-web-e2e-")));
  const args = [
    "-jar",
    jar,
    "serve",
    "--addr",
    `127.0.0.1:${options.port ?? 0}`,
    "--data",
    dataDir,
  ];
  if (options.dev) args.push("--dev");

  // Tests seed history far faster than people post (history.e2e posts hundreds of messages from the dev
  // user), so the posting limit is raised here; the limits themselves are tested against the real server
  // in apps/api (RateLimitTest). Everything else keeps its default.
  const env = { ...process.env, CLICKCLACK_RATE_MESSAGE_POST: "1000000/1s", ...options.env };
  const child = spawn(javaBin, args, { stdio: ["ignore", "pipe", "pipe"], env });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const output: string[] = [];
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => output.push(chunk));
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));

  const stop = async () => {
    process.removeListener("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  };

  try {
    const url = await listeningUrl(child.stdout, exited, output);
    await waitUntilReady(url);
    return {
      url,
      port: Number(new URL(url).port),
      dataDir,
      stop,
      destroy: async () => {
        await stop();
        await rm(dataDir, { recursive: true, force: true });
      },
      cli: (cliArgs) => runCli(javaBin, jar, [...cliArgs, "--data", dataDir]),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
