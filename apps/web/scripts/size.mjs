// Enforces the speed budget after every build: the JavaScript the app page loads up front (its entry
// module plus everything it preloads) must stay under 150 KB gzipped.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 150;
const dist = join(import.meta.dirname, "..", "dist");
const html = readFileSync(join(dist, "app", "index.html"), "utf8");
const scripts = [
  ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g),
].map((m) => m[1]);
if (scripts.length === 0) throw new Error("no scripts found in dist/app/index.html");

let total = 0;
for (const src of scripts) {
  const bytes = gzipSync(readFileSync(join(dist, src))).length;
  total += bytes;
  console.log(`  ${src}  ${(bytes / 1024).toFixed(1)} KB gzip`);
}
const kb = total / 1024;
console.log(`app first-load JS: ${kb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
if (kb > BUDGET_KB) {
  console.error(`over budget by ${(kb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
