// Registered slash commands and outgoing event subscriptions in words: which commands a person registered,
// what a subscription listens to and how it is doing, and how a delivery log row reads. The callback secrets
// are shown once, right after the answer that carried them, and never kept.

import type { EventDelivery, EventSubscription, EventType, SlashCommand } from "./types";

/**
 * The durable event types a subscription can usefully name: the ones whose audience is the whole workspace.
 * Per-user events (`channel.read`, `dm.*`) never leave the server, so they are not offered.
 */
export const SUBSCRIBABLE_EVENT_TYPES: readonly EventType[] = [
  "message.created",
  "message.updated",
  "message.deleted",
  "thread.reply_created",
  "thread.state_updated",
  "reaction.added",
  "reaction.removed",
  "pin.added",
  "pin.removed",
  "channel.created",
  "channel.updated",
  "channel.member_joined",
  "channel.member_left",
  "member.joined",
  "member.updated",
  "member.removed",
  "user.updated",
  "workspace.updated",
  "workspace.ownership_transferred",
];

/** The trigger as the server stores it: no leading slash, lower case. */
export function normalizeTrigger(input: string): string {
  return input.trim().replace(/^\/+/, "").toLowerCase();
}

/** The workspace's live registered commands (built-ins and revoked ones left out), by trigger. */
export function registeredCommands(commands: readonly SlashCommand[]): SlashCommand[] {
  return commands
    .filter((c) => !c.builtin && !!c.id && !c.revoked_at)
    .toSorted((a, b) => a.trigger.localeCompare(b.trigger));
}

/**
 * What a new subscription sends as `event_types`: `["*"]` for everything, else the ticked types plus any
 * typed ones (comma or space separated), each once, in the order given. An empty answer means nothing was
 * chosen, which the form refuses before asking the server.
 */
export function chosenEventTypes(all: boolean, ticked: readonly string[], typed: string): string[] {
  if (all) return ["*"];
  const extra = typed
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  return [...new Set([...ticked, ...extra])];
}

/** "all events", or the types joined: "message.created, reaction.added". */
export function describeEventTypes(types: readonly string[]): string {
  return types.includes("*") ? "all events" : types.join(", ");
}

/** "active", "active · failing since 12:03", or "paused: <why>" (a reason saying "paused…" itself, as is). */
export function describeStatus(
  sub: EventSubscription,
  formatTime: (iso: string) => string,
): string {
  if (sub.status === "paused") {
    const why = sub.paused_reason?.trim();
    if (!why) return "paused";
    return why.toLowerCase().startsWith("paused") ? why : `paused: ${why}`;
  }
  return sub.failing_since ? `active · failing since ${formatTime(sub.failing_since)}` : "active";
}

/** Newest first: by event cursor (cursors sort by time), then by when the row was written. */
export function deliveriesNewestFirst(rows: readonly EventDelivery[]): EventDelivery[] {
  return rows.toSorted(
    (a, b) =>
      compareCursors(b.event_cursor, a.event_cursor) || b.created_at.localeCompare(a.created_at),
  );
}

/** Cursors are opaque strings that sort by time; numeric ones compare as numbers ("10" after "9"). */
function compareCursors(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length || a.localeCompare(b);
  return a.localeCompare(b);
}

/** A delivery's outcome: "delivered", "retrying · next 12:05", "retrying". */
export function describeDelivery(row: EventDelivery, formatTime: (iso: string) => string): string {
  if (row.status === "delivered") return "delivered";
  return row.next_attempt_at ? `retrying · next ${formatTime(row.next_attempt_at)}` : "retrying";
}
