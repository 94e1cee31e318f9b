// Starts the real ClickClack server jar for integration and browser tests: a random port and a
// fresh data directory per call. Dependency-free on purpose (apps/web's browser tests reuse it).
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export interface StartOptions {
  /** `serve --dev`: loopback requests without credentials act as the default dev user. */
  dev?: boolean;
  extraArgs?: string[];
  /** Extra environment for the server, e.g. `{CLICKCLACK_ALLOWED_CALLBACK_HOSTS: "127.0.0.1"}`. */
  env?: Record<string, string>;
}

export interface RunningServer {
  /** e.g. "http://127.0.0.1:41234" (no trailing slash). */
  url: string;
  dataDir: string;
  /** Stops the server and deletes its data directory. */
  stop(): Promise<void>;
  /** Runs `clickclack <args> --data <dataDir>` and answers its trimmed stdout. */
  cli(args: string[]): Promise<string>;
  /** Stops the server (SIGTERM) and starts it again on the same port and data directory. */
  restart(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The jar from $CLICKCLACK_JAR; a relative path may be relative to the cwd or the repo root. */
export function serverJar(): string {
  const jar = process.env.CLICKCLACK_JAR;
  if (!jar) {
    throw new Error(
      "CLICKCLACK_JAR is not set (e.g. CLICKCLACK_JAR=apps/api/target/clickclack.jar)",
    );
  }
  const candidates = isAbsolute(jar) ? [jar] : [resolve(jar), join(REPO_ROOT, jar)];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`CLICKCLACK_JAR not found: ${candidates.join(" or ")}`);
  return found;
}

/** $JAVA_HOME/bin/java when set (the default `java` here is 17; the server needs 21+). */
export function javaExecutable(): string {
  const home = process.env.JAVA_HOME;
  return home ? join(home, "bin", "java") : "java";
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const jar = serverJar();
  const java = javaExecutable();
  const dataDir = await mkdtemp(join(tmpdir(), "clickclack-test-"));
  const args = (addr: string) => {
    const list = ["-jar", jar, "serve", "--addr", addr, "--data", dataDir];
    if (options.dev) list.push("--dev");
    return [...list, ...(options.extraArgs ?? [])];
  };

  const env = { ...process.env, ...options.env };
  let current = launch(java, args("127.0.0.1:0"), env);
  const stop = async () => {
    await current.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await current.url;
    await waitUntilReady(url);
    const cli = (cliArgs: string[]) => runCli(java, jar, [...cliArgs, "--data", dataDir]);
    const restart = async () => {
      await current.stop();
      // Same port and data: clients see a server that went away and came back.
      current = launch(java, args(new URL(url).host), env);
      await current.url;
      await waitUntilReady(url);
    };
    return { url, dataDir, stop, cli, restart };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One server process: its announced URL and a graceful stop (SIGTERM, then SIGKILL). */
function launch(java: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(java, args, { stdio: ["ignore", "pipe", "pipe"], env });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const output: string[] = [];
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => output.push(chunk));
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const url = listeningUrl(child.stdout, exited, output);
  url.catch(() => {}); // the caller awaits it; a late rejection after stop() is expected
  const stop = async () => {
    process.removeListener("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  };
  return { url, stop };
}

/** Reads stdout until the server announces its address; keeps draining afterwards. */
/** Resolves with the server's URL once it prints its readiness line; rejects if it exits first. */
export function listeningUrl(
  stdout: NodeJS.ReadableStream,
  exited: Promise<number | null>,
  output: string[],
): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`server did not start in ${STARTUP_TIMEOUT_MS} ms:\n${output.join("")}`)),
      STARTUP_TIMEOUT_MS,
    );
    const lines = createInterface({ input: stdout });
    lines.on("line", (line) => {
      output.push(`${line}\n`);
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output.join("")}`));
    });
  });
}

export async function waitUntilReady(url: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    const status = await fetch(`${url}/readyz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${url}/readyz answered ${status}, never 200`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

export function runCli(java: string, jar: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    execFile(
      java,
      ["-jar", jar, ...args],
      { timeout: STARTUP_TIMEOUT_MS },
      (error, stdout, stderr) => {
        if (error)
          fail(new Error(`clickclack ${args.join(" ")} failed: ${error.message}\n${stderr}`));
        else done(stdout.trim());
      },
    );
  });
}
