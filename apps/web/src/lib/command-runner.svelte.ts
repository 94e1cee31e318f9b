// What a composer needs for slash commands, shared by the channel, thread and direct-conversation composers:
// the workspace's command list (for the autocomplete and to tell a command from a message that starts with
// "/"), running a line, and the note the last command left for you alone.
import { api, errorText } from "./api";
import { commandChanges } from "./command-changes.svelte";
import {
  BUILT_IN_COMMANDS,
  commandLine,
  fromServer,
  type CommandInfo,
  type CommandPlace,
} from "./commands";

export class CommandRunner {
  /** The workspace's commands, built-ins until the list loads (or if it cannot). */
  commands = $state.raw<readonly CommandInfo[]>(BUILT_IN_COMMANDS);
  /** What the last command said to you alone: its ephemeral answer, a delayed one, or its error. */
  note = $state("");

  /** Keeps `commands` current for the workspace; call from a component's script (it uses an effect). */
  follow(workspaceId: () => string): void {
    $effect(() => {
      const id = workspaceId();
      void commandChanges.version; // refetch after the Integrations dialog registers or revokes one
      api
        .commands(id)
        .then((list) => (this.commands = fromServer(list)))
        .catch(() => {}); // the built-ins still work
    });
  }

  /**
   * Shows a registered command's delayed ephemeral reply (command.ephemeral) filed in the store under `key`
   * (see noteKey), once; call from a component's script (it uses an effect).
   */
  receive(store: () => { commandNotes: Record<string, string> }, key: () => string): void {
    $effect(() => {
      const s = store();
      const k = key();
      const note = s.commandNotes[k];
      if (note === undefined) return;
      this.note = note;
      const { [k]: _shown, ...rest } = s.commandNotes;
      s.commandNotes = rest;
    });
  }

  /** The line to execute for this text, or undefined when it is a message (files make it one, too). */
  lineFor(body: string, hasFiles: boolean): string | undefined {
    return hasFiles ? undefined : commandLine(body, this.commands);
  }

  run(place: CommandPlace, line: string): void {
    this.note = "";
    api
      .command(place.channelId, line, place.threadRootId)
      .then((r) => (this.note = r.response_type === "ephemeral" ? (r.text ?? "") : ""))
      .catch((err) => (this.note = errorText(err)));
  }
}
