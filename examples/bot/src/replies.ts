// What the lobster says. Kept apart from the socket plumbing so the rules read in one place.
import type { Message } from "@clickclack/sdk";

export const TRIGGER = "!clack";

const LINES = [
  "🦞 Lobster on duty. Claws up, listening.",
  "🦞 Clack clack! Still here, still crunchy.",
  "🦞 On shift and snapping. What's the catch?",
];

/**
 * The reply for a message, or undefined when the bot should stay quiet: it ignores its own
 * messages (no echo loops), deleted ones, and anything without the trigger word.
 */
export function replyTo(message: Message, botUserId: string): string | undefined {
  if (message.author_id === botUserId || message.deleted_at !== null) return undefined;
  if (!message.body.toLowerCase().includes(TRIGGER)) return undefined;
  // Pick a line from the id so a retried event gets the same answer.
  const pick = [...message.id].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % LINES.length;
  const asked = message.body.replace(/!clack/gi, "").trim();
  const echo = asked === "" ? "" : `\n> ${asked.slice(0, 200)}`;
  return `${LINES[pick]} @${message.author.handle}${echo}`;
}
