// The receiver side of a signed slash-command callback: the exact scheme the server uses, checked
// against Node's own HMAC, and every way a forged, altered or replayed request must be refused.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { constantTimeEqual } from "../../src/bot/signature.ts";
import { signBody, verifySignature } from "../../src/index.ts";

const SECRET = "s3cret-from-admin-command-create";
const NOW = 1_780_000_000;
const BODY = "command=%2Fclaw&text=open+the+tank&channel_id=chn_1&user_name=ann";
const bytes = (text: string) => new TextEncoder().encode(text);

function nodeSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

describe("slash command signatures", () => {
  it("signs sha256=hex(HMAC-SHA256(secret, timestamp + '.' + rawBody)), as Node computes it", async () => {
    expect(await signBody(SECRET, String(NOW), BODY)).toBe(
      nodeSignature(SECRET, String(NOW), BODY),
    );
  });

  it("accepts a fresh request signed with the secret", async () => {
    const timestamp = String(NOW - 10);
    const signature = nodeSignature(SECRET, timestamp, BODY);
    expect(
      await verifySignature(SECRET, { timestamp, signature, rawBody: bytes(BODY) }, NOW),
    ).toEqual({
      ok: true,
    });
  });

  it("refuses an altered body, another secret and a signature for another timestamp", async () => {
    const timestamp = String(NOW);
    const signature = nodeSignature(SECRET, timestamp, BODY);
    const altered = BODY.replace("open", "drain");
    const verdicts = await Promise.all([
      verifySignature(SECRET, { timestamp, signature, rawBody: bytes(altered) }, NOW),
      verifySignature("another", { timestamp, signature, rawBody: bytes(BODY) }, NOW),
      verifySignature(SECRET, { timestamp: String(NOW - 1), signature, rawBody: bytes(BODY) }, NOW),
    ]);
    for (const verdict of verdicts)
      expect(verdict).toEqual({ ok: false, reason: "signature mismatch" });
  });

  it("refuses timestamps more than five minutes old or ahead, even when correctly signed", async () => {
    for (const timestamp of [String(NOW - 301), String(NOW + 301)]) {
      const signature = nodeSignature(SECRET, timestamp, BODY);
      const verdict = await verifySignature(
        SECRET,
        { timestamp, signature, rawBody: bytes(BODY) },
        NOW,
      );
      expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(/stale/) });
    }
    const edge = String(NOW - 300);
    const signature = nodeSignature(SECRET, edge, BODY);
    expect(
      await verifySignature(SECRET, { timestamp: edge, signature, rawBody: bytes(BODY) }, NOW),
    ).toEqual({ ok: true });
  });

  it("refuses missing or malformed headers", async () => {
    const good = nodeSignature(SECRET, String(NOW), BODY);
    const cases = [
      { timestamp: undefined, signature: good },
      { timestamp: "yesterday", signature: good },
      { timestamp: String(NOW), signature: undefined },
      { timestamp: String(NOW), signature: good.replace("sha256=", "") },
      { timestamp: String(NOW), signature: "sha256=abc" },
    ];
    for (const headers of cases) {
      const verdict = await verifySignature(SECRET, { ...headers, rawBody: bytes(BODY) }, NOW);
      expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(/malformed/) });
    }
  });

  it("compares in constant time over equal lengths", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "abcd")).toBe(false);
  });
});
