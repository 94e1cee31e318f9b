// Proves the published package works outside the repository: packs it with `npm pack`, installs the
// tarball into a fresh directory, then, from there, imports it with plain Node (ESM, no TypeScript),
// serves a signed slash command through ClickClackBot, and type-checks a consumer against the
// shipped declarations. Run by `npm test -w packages/sdk-ts` (it takes a few seconds).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const sdkDir = fileURLToPath(new URL("..", import.meta.url));
const repoDir = fileURLToPath(new URL("../../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "clickclack-sdk-pack-"));
const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });

try {
  run("npm", ["pack", "--silent", "--pack-destination", work], sdkDir);
  const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error("npm pack wrote no tarball");
  const listing = run("tar", ["-tzf", join(work, tarball)], work).split("\n");
  for (const expected of [
    "package/README.md",
    "package/dist/index.js",
    "package/dist/index.d.ts",
  ]) {
    if (!listing.includes(expected)) throw new Error(`the tarball lacks ${expected}`);
  }
  if (listing.some((name) => name.startsWith("package/src/") || name.startsWith("package/test/"))) {
    throw new Error("the tarball ships sources or tests");
  }

  const app = join(work, "app");
  run("mkdir", ["-p", app], work);
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "app", private: true, type: "module" }),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--silent", join(work, tarball)], app);

  writeFileSync(
    join(app, "smoke.mjs"),
    `import { createHmac } from "node:crypto";
import { ClickClackBot, ClickClackClient, OPERATIONS, isEventType } from "@clickclack/sdk";
const client = new ClickClackClient({ baseUrl: "http://127.0.0.1:1", token: "t" });
if (typeof client.channels.sendMessage !== "function" || typeof isEventType !== "function") throw new Error("no client");
if (Object.keys(OPERATIONS).length < 50) throw new Error("no operation table");
const bot = new ClickClackBot({ url: "http://127.0.0.1:1", token: "t", workspaceId: "wsp_1" });
bot.command("/claw", (cmd) => "snip " + cmd.text);
const listener = await bot.listen({ secret: "s" });
const body = "command=%2Fclaw&text=kelp";
const ts = String(Math.floor(Date.now() / 1000));
const signature = "sha256=" + createHmac("sha256", "s").update(ts + "." + body).digest("hex");
const response = await fetch(listener.url, { method: "POST", body,
  headers: { "x-clickclack-timestamp": ts, "x-clickclack-signature": signature } });
const answer = await response.json();
await bot.stop();
if (answer.text !== "snip kelp") throw new Error("unexpected answer " + JSON.stringify(answer));
console.log("ok");
`,
  );
  const smoke = run("node", ["smoke.mjs"], app).trim();
  if (smoke !== "ok") throw new Error(`the installed package did not work: ${smoke}`);

  writeFileSync(
    join(app, "consumer.ts"),
    `import { ClickClackBot, type AnyEvent, type Message } from "@clickclack/sdk";
const bot = new ClickClackBot({ url: "http://x", token: "t", workspaceId: "w" });
bot.on("mention", async (message: Message, ctx) => { await ctx.reply(message.body); });
export function body(event: AnyEvent): string | undefined {
  return event.type === "message.created" ? event.payload.message.body : undefined;
}
`,
  );
  writeFileSync(
    join(app, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        strict: true,
        noEmit: true,
        lib: ["es2023", "dom"],
        types: [],
      },
      files: ["consumer.ts"],
    }),
  );
  run(join(repoDir, "node_modules/.bin/tsgo"), ["-p", "tsconfig.json"], app);
  console.log(`pack check ok: ${tarball} installs, imports under Node and type-checks`);
} finally {
  execFileSync("node", [join(sdkDir, "scripts/pack.mjs"), "--restore"]);
  rmSync(work, { recursive: true, force: true });
}
