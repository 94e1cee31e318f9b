// What the lobster says and when. Kept apart from the wiring (bot.ts) so the rules read in one place.
import type { CommandAnswer, Message, SlashCommand } from "@clickclack/sdk";

export const REACTION = "🦞";

const LINES = [
  "🦞 Lobster on duty. Claws up, listening.",
  "🦞 Clack clack! Still here, still crunchy.",
  "🦞 On shift and snapping. What's the catch?",
];

/** The answer to a message that @mentions the bot: a line picked from the id, so a retry says the same. */
export function mentionReply(message: Message, botHandle: string): string {
  const pick = [...message.id].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % LINES.length;
  const asked = message.body.replaceAll(`@${botHandle}`, "").trim();
  const echo = asked === "" ? "" : `\n> ${asked.slice(0, 200)}`;
  return `${LINES[pick]} @${message.author.handle}${echo}`;
}

/** Messages about lobsters get a 🦞. */
export function wantsReaction(message: Message): boolean {
  return /lobster/i.test(message.body);
}

/** `/claw TEXT`: an in-channel snip; without text, a usage note only the caller sees. */
export function clawAnswer(command: SlashCommand): CommandAnswer {
  if (command.text === "") {
    return { response_type: "ephemeral", text: "Usage: /claw <something to snip>" };
  }
  return `🦞 *snip snip* @${command.userName} asked me to snip: ${command.text}`;
}
