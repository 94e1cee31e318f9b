// npm pack's prepack/postpack hooks. In the repository the SDK is consumed as TypeScript source (the web
// app, the example bot and the tests import src/index.ts directly), but a published package must be
// JavaScript with declarations. So `prepack` builds dist/ and swaps in a manifest that points at it;
// `postpack` puts the source manifest back. `node scripts/pack.mjs --restore` repairs an interrupted pack.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("..", import.meta.url));
const manifest = `${dir}package.json`;
const saved = `${dir}package.json.source`;

function restore() {
  if (existsSync(saved)) renameSync(saved, manifest);
}

if (process.argv.includes("--restore")) {
  restore();
  // dist/ exists only for the tarball: the repository's consumers read src/.
  rmSync(`${dir}dist`, { recursive: true, force: true });
} else {
  restore();
  rmSync(`${dir}dist`, { recursive: true, force: true });
  execFileSync("npx", ["tsgo", "-p", "tsconfig.build.json"], { cwd: dir, stdio: "inherit" });
  const source = JSON.parse(readFileSync(manifest, "utf8"));
  const published = {
    ...source,
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    exports: { ".": { types: "./dist/index.d.ts", import: "./dist/index.js" } },
    files: ["dist", "README.md"],
    // Only ClickClackBot on Node 20 needs it (Node 22+ and browsers have a global WebSocket).
    peerDependencies: { ws: "^8.0.0" },
    peerDependenciesMeta: { ws: { optional: true } },
    engines: { node: ">=20" },
  };
  delete published.devDependencies;
  delete published.scripts;
  renameSync(manifest, saved);
  writeFileSync(manifest, `${JSON.stringify(published, null, 2)}\n`);
}
