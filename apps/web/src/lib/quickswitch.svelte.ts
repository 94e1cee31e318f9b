// Whether the Ctrl/Cmd+K quick switcher is open: shared by the top bar's button and the switcher.

export const quickSwitch = $state({ open: false });

/** "⌘K" on Apple keyboards, "Ctrl+K" elsewhere: what the hint next to the button says. */
export const SHORTCUT_LABEL = /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘K" : "Ctrl+K";
