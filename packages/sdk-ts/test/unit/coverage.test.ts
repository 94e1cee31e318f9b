// Every operation in openapi.yaml has an SDK method (issue 14): src/operations.ts maps each route to the
// client method that calls it, and this test holds the table and the contract together both ways.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ClickClackClient } from "../../src/index.ts";
import { NOT_IN_SDK, OPERATIONS } from "../../src/operations.ts";

const spec = parse(
  readFileSync(new URL("../../../protocol/openapi.yaml", import.meta.url), "utf8"),
) as { paths: Record<string, Record<string, { operationId?: string }>> };

const METHODS = ["get", "post", "patch", "put", "delete"];

/** "POST /api/channels/{channel_id}/messages" → its operationId, for every operation in the contract. */
function contractOperations(): Map<string, string> {
  const operations = new Map<string, string>();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation)
        operations.set(`${method.toUpperCase()} ${path}`, operation.operationId ?? "?");
    }
  }
  return operations;
}

/** The value at a dotted path of the client ("channels.sendMessage"), or undefined. */
function resolve(client: ClickClackClient, method: string): unknown {
  return method
    .split(".")
    .reduce<unknown>(
      (at, key) =>
        at !== null && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined,
      client,
    );
}

describe("SDK coverage of openapi.yaml", () => {
  const operations = contractOperations();

  it("has an SDK method for every operation", () => {
    const missing = [...operations]
      .filter(([route]) => !(route in OPERATIONS) && !(route in NOT_IN_SDK))
      .map(([route, operationId]) => `${route} (operationId ${operationId})`);
    expect(
      missing,
      `these routes have no SDK method: add one in packages/sdk-ts/src/api/<feature>.ts and a row ` +
        `"METHOD /path": "group.method" in packages/sdk-ts/src/operations.ts:\n  ${missing.join("\n  ")}\n`,
    ).toEqual([]);
  });

  it("maps only routes the contract still has", () => {
    const stale = [...Object.keys(OPERATIONS), ...Object.keys(NOT_IN_SDK)].filter(
      (route) => !operations.has(route),
    );
    expect(
      stale,
      `packages/sdk-ts/src/operations.ts names routes openapi.yaml does not have:\n  ${stale.join("\n  ")}\n`,
    ).toEqual([]);
  });

  it("names a real client function for every mapped route", () => {
    const client = new ClickClackClient({ baseUrl: "http://127.0.0.1:1" });
    const broken = Object.entries(OPERATIONS)
      .filter(([, method]) => typeof resolve(client, method) !== "function")
      .map(([route, method]) => `${route} → client.${method}`);
    expect(broken, `these SDK methods do not exist:\n  ${broken.join("\n  ")}\n`).toEqual([]);
  });

  it("does not map a route both to a method and to the exclusions", () => {
    const both = Object.keys(NOT_IN_SDK).filter((route) => route in OPERATIONS);
    expect(both).toEqual([]);
    for (const reason of Object.values(NOT_IN_SDK)) expect(reason.length).toBeGreaterThan(20);
  });
});
