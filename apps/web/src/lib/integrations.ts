// The Integrations dialog in words: which scopes a new bot starts with, how a token or a webhook reads in
// its list, and the URL a webhook's key makes. The secrets themselves are shown once, right after the
// answer that carried them, and never kept.

import type { BotScope, BotToken, Webhook } from "./types";

/** Every scope, in the order the dialog lists them, with what it lets a bot do. */
export const BOT_SCOPES: readonly { scope: BotScope; label: string }[] = [
  { scope: "channels:read", label: "See channels and members" },
  { scope: "messages:read", label: "Read messages" },
  { scope: "messages:write", label: "Post messages" },
  { scope: "threads:write", label: "Reply in threads" },
  { scope: "reactions:write", label: "React" },
  { scope: "dms:read", label: "Read its direct messages" },
  { scope: "dms:write", label: "Send direct messages" },
  { scope: "uploads:write", label: "Upload files" },
  { scope: "realtime:read", label: "Follow events live" },
  { scope: "commands:write", label: "Run slash commands" },
];

/** What the server gives a token when no scopes are named; the dialog starts with these ticked. */
export const DEFAULT_BOT_SCOPES: readonly BotScope[] = [
  "channels:read",
  "messages:read",
  "messages:write",
  "realtime:read",
];

/** The secret URL of an incoming webhook, on the address this person reached the app at. */
export function hookUrl(origin: string, key: string): string {
  return `${origin.replace(/\/+$/, "")}/hooks/${encodeURIComponent(key)}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function ago(iso: string, now: number): string {
  const ms = Math.max(0, now - Date.parse(iso));
  if (ms < MINUTE) return "just now";
  const [n, unit] =
    ms < HOUR ? [ms / MINUTE, "minute"] : ms < DAY ? [ms / HOUR, "hour"] : [ms / DAY, "day"];
  const whole = Math.floor(n);
  return `${whole} ${unit}${whole === 1 ? "" : "s"} ago`;
}

/** A token's line: "ci · 4 scopes · last used 2 hours ago", or "… · revoked". */
export function describeToken(token: BotToken, now: number): string {
  const scopes = `${token.scopes.length} scope${token.scopes.length === 1 ? "" : "s"}`;
  const state = token.revoked_at
    ? "revoked"
    : token.last_used_at
      ? `last used ${ago(token.last_used_at, now)}`
      : "never used";
  return `${token.name || "token"} · ${scopes} · ${state}`;
}

/** Active tokens first (newest first), revoked ones after them. */
export function tokensInOrder(tokens: readonly BotToken[]): BotToken[] {
  return tokens.toSorted(
    (a, b) =>
      Number(!!a.revoked_at) - Number(!!b.revoked_at) || b.created_at.localeCompare(a.created_at),
  );
}

/** A webhook's line: "Deploys → #ops · created 3 days ago", or "… · revoked". */
export function describeWebhook(
  hook: Webhook,
  channelName: string | undefined,
  now: number,
): string {
  const where = channelName ? ` → #${channelName}` : "";
  const state = hook.revoked_at ? "revoked" : `created ${ago(hook.created_at, now)}`;
  return `${hook.name}${where} · ${state}`;
}
