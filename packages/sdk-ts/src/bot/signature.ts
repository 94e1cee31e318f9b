// Verifies the signature ClickClack puts on a registered slash command's callback (and on outgoing
// event deliveries): `X-ClickClack-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + rawBody))`
// with `X-ClickClack-Timestamp` in unix seconds.
//
// Why each check: the HMAC proves the request came from the server that holds the command's secret
// and that the body was not changed; signing the timestamp with the body and refusing old (or far
// future) timestamps stops a captured request from being replayed later; the comparison runs in
// time independent of where the strings differ, so an attacker cannot find the signature byte by
// byte by timing failures. WebCrypto (global in browsers and Node 20) keeps this file dependency-free.

/** How far a timestamp may be from now, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export interface SignedRequest {
  /** The `X-ClickClack-Timestamp` header, unix seconds. */
  timestamp: string | undefined;
  /** The `X-ClickClack-Signature` header, `sha256=<hex>`. */
  signature: string | undefined;
  /** The body exactly as received, before any parsing. */
  rawBody: Uint8Array;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

const encoder = new TextEncoder();

/** `sha256=<hex>` for a body signed at `timestamp` (what the server sends; tests sign with it too). */
export async function signBody(
  secret: string,
  timestamp: string,
  rawBody: Uint8Array | string,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const body = typeof rawBody === "string" ? encoder.encode(rawBody) : rawBody;
  const prefix = encoder.encode(`${timestamp}.`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix, 0);
  signed.set(body, prefix.length);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, signed));
  return `sha256=${[...mac].map((byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/** Checks a callback's signature and freshness; `nowSeconds` is injectable for tests. */
export async function verifySignature(
  secret: string,
  request: SignedRequest,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): Promise<Verdict> {
  const { timestamp, signature } = request;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, reason: "missing or malformed X-ClickClack-Timestamp" };
  }
  if (!signature || !/^sha256=[0-9a-f]{64}$/i.test(signature)) {
    return { ok: false, reason: "missing or malformed X-ClickClack-Signature" };
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) {
    return { ok: false, reason: "stale X-ClickClack-Timestamp (more than 5 minutes off)" };
  }
  const expected = await signBody(secret, timestamp, request.rawBody);
  return constantTimeEqual(expected, signature.toLowerCase())
    ? { ok: true }
    : { ok: false, reason: "signature mismatch" };
}

/** Compares every character whatever the first difference; only the (public) length may leak. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
