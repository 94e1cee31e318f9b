// Regenerates src/generated/openapi.ts from the contract. With --check it only compares, and
// fails when the committed file is stale (so a YAML change cannot ship without new types).
import openapiTS, { astToString } from "openapi-typescript";
import { readFile, writeFile } from "node:fs/promises";

const specUrl = new URL("../../protocol/openapi.yaml", import.meta.url);
const outUrl = new URL("../src/generated/openapi.ts", import.meta.url);
const banner =
  "// Generated from packages/protocol/openapi.yaml by `npm run generate -w packages/sdk-ts`.\n" +
  "// Do not edit: change the YAML and regenerate.\n\n";

const generated = banner + astToString(await openapiTS(specUrl));

if (process.argv.includes("--check")) {
  const current = await readFile(outUrl, "utf8").catch(() => "");
  if (current !== generated) {
    console.error(
      "src/generated/openapi.ts is stale: run `npm run generate -w packages/sdk-ts` and commit it.",
    );
    process.exit(1);
  }
  console.log("src/generated/openapi.ts is up to date.");
} else {
  await writeFile(outUrl, generated);
  console.log("wrote src/generated/openapi.ts");
}
