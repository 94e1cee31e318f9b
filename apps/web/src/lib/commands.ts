// Slash commands in the composer: a line starting with a built-in command's trigger goes to
// POST /api/commands/execute instead of being posted. Anything else starting with "/" (a path, a regex)
// is an ordinary message, so nobody loses "/etc/hosts is wrong" to a "command not found".

/** The server's built-in commands (docs/api.md, "Slash commands"), with what the composer can say about them. */
export const BUILT_IN_COMMANDS = [
  { trigger: "/shrug", hint: "[text]", description: "Post text followed by ¯\\_(ツ)_/¯" },
  { trigger: "/me", hint: "<action>", description: "Post an action, in italics" },
  { trigger: "/topic", hint: "<text>", description: "Set the channel's topic" },
  {
    trigger: "/status",
    hint: "<molting|lurking|afk|clear|emoji text>",
    description: "Set or clear your status",
  },
  { trigger: "/help", hint: "", description: "List the commands" },
] as const;

/** The command line to execute, or undefined when the text is an ordinary message. */
export function commandLine(text: string): string | undefined {
  const line = text.trim();
  if (!line.startsWith("/")) return undefined;
  const trigger = line.split(/\s/, 1)[0]!.toLowerCase();
  return BUILT_IN_COMMANDS.some((c) => c.trigger === trigger) ? line : undefined;
}
