// Slash commands in the composer: a line starting with a known command's trigger (a built-in, or one the
// workspace registered) goes to POST /api/commands/execute instead of being posted. Anything else starting
// with "/" (a path, a regex) is an ordinary message, so nobody loses "/etc/hosts is wrong" to a
// "command not found".

/** A command the composer knows: its trigger with the slash, what follows it, and what it does. */
export interface CommandInfo {
  trigger: string;
  hint: string;
  description: string;
}

/** The server's built-in commands (docs/api.md, "Slash commands"), known before the list loads. */
export const BUILT_IN_COMMANDS: readonly CommandInfo[] = [
  { trigger: "/shrug", hint: "[text]", description: "Post text followed by ¯\\_(ツ)_/¯" },
  { trigger: "/me", hint: "<action>", description: "Post an action, in italics" },
  { trigger: "/topic", hint: "<text>", description: "Set the channel's topic" },
  {
    trigger: "/status",
    hint: "<molting|lurking|afk|clear|emoji text>",
    description: "Set or clear your status",
  },
  { trigger: "/invite", hint: "@handle", description: "Add someone to this channel" },
  { trigger: "/leave", hint: "", description: "Leave this channel" },
  { trigger: "/help", hint: "", description: "List the commands" },
];

/** The composer's list from GET /api/workspaces/{id}/commands (built-ins and registered ones). */
export function fromServer(
  list: readonly { trigger: string; usage_hint: string; description: string }[],
): CommandInfo[] {
  return list.map((c) => ({
    trigger: `/${c.trigger}`,
    hint: c.usage_hint,
    description: c.description,
  }));
}

/** The command line to execute, or undefined when the text is an ordinary message. */
export function commandLine(
  text: string,
  known: readonly CommandInfo[] = BUILT_IN_COMMANDS,
): string | undefined {
  const line = text.trim();
  if (!line.startsWith("/")) return undefined;
  const trigger = line.split(/\s/, 1)[0]!.toLowerCase();
  return known.some((c) => c.trigger === trigger) ? line : undefined;
}

/** The commands to suggest while the text is a trigger being typed ("/de" → /deploy), at most `limit`. */
export function suggestCommands(
  text: string,
  known: readonly CommandInfo[],
  limit = 8,
): CommandInfo[] {
  if (!text.startsWith("/") || /\s/.test(text)) return [];
  const typed = text.toLowerCase();
  return known.filter((c) => c.trigger.startsWith(typed) && c.trigger !== typed).slice(0, limit);
}

/** Where a command runs: a channel, or a thread of it (then what it posts goes into the thread). */
export interface CommandPlace {
  channelId: string;
  threadRootId?: string;
}

/** The key a delayed ephemeral reply (command.ephemeral) is filed under, so the right composer shows it. */
export function noteKey(place: CommandPlace): string {
  return place.threadRootId ? `thread:${place.threadRootId}` : place.channelId;
}

/** The built-ins that work in a direct conversation (the others act on a channel; the server refuses them). */
const CONVERSATION_COMMANDS = new Set(["/shrug", "/me", "/status", "/help"]);

/** What a direct conversation's composer suggests: only the commands that work there. */
export function forConversation(known: readonly CommandInfo[]): CommandInfo[] {
  return known.filter((c) => CONVERSATION_COMMANDS.has(c.trigger));
}
