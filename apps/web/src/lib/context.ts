// The open workspace is shared with deep components (message rows, reaction bars) through Svelte
// context instead of being threaded through every prop list.

import { getContext, setContext } from "svelte";
import type { WorkspaceStore } from "./workspace.svelte";

const KEY = Symbol("workspace");

export function provideWorkspace(get: () => WorkspaceStore): void {
  setContext(KEY, get);
}

/** The open workspace's store; a getter, because the user can switch workspaces under a component. */
export function useWorkspace(): () => WorkspaceStore {
  return getContext<() => WorkspaceStore>(KEY);
}
