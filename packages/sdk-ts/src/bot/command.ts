// A registered slash command as the server delivers it: Mattermost's form fields, read into a
// camelCase record, and the answer the handler gives back.
import type { CommandReply } from "../types.ts";

/** One invocation of a registered command, e.g. `/claw open the tank`. */
export interface SlashCommand {
  /** The trigger with its slash, e.g. "/claw". */
  command: string;
  /** Everything after the trigger, trimmed ("open the tank"). */
  text: string;
  channelId: string;
  channelName: string;
  /** The workspace (Mattermost calls it a team). */
  teamId: string;
  userId: string;
  userName: string;
  /** POST a reply here later (for 30 minutes); `ctx.respond` does it for you. */
  responseUrl: string;
  triggerId: string;
}

/**
 * What a command handler answers: a string is posted in the channel (as the command's bot); an object is
 * the wire reply itself, `{response_type?: "in_channel" | "ephemeral", text}` (no type means ephemeral,
 * as in Mattermost).
 */
export type CommandAnswer = string | CommandReply;

/** The JSON body for an answer, as Mattermost and ClickClack read it. */
export function replyBody(answer: CommandAnswer): CommandReply {
  return typeof answer === "string" ? { response_type: "in_channel", text: answer } : answer;
}

/** Reads the form body; undefined when it is not a command (no `command` field). */
export function parseCommand(rawBody: string): SlashCommand | undefined {
  const form = new URLSearchParams(rawBody);
  const command = form.get("command");
  if (!command) return undefined;
  const field = (name: string) => form.get(name) ?? "";
  return {
    command,
    text: field("text").trim(),
    channelId: field("channel_id"),
    channelName: field("channel_name"),
    teamId: field("team_id"),
    userId: field("user_id"),
    userName: field("user_name"),
    responseUrl: field("response_url"),
    triggerId: field("trigger_id"),
  };
}

/** "/Claw" and "claw" name the same command. */
export function commandKey(trigger: string): string {
  return trigger.trim().replace(/^\//, "").toLowerCase();
}
