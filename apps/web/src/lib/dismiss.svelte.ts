// One way for every popover and menu to go away: Escape, a press outside it, a route change (switching
// channel, workspace or thread) and sending a message all close it. Components attach the `dismiss`
// action to the popover's root element and keep their own `open` flag; the action only calls `close`.
//
// Focus: Escape (and closing from inside, e.g. picking a menu item) hands focus back to the trigger, the
// element that had focus when the popover opened, unless the popover moved focus somewhere on purpose.
// A press outside leaves focus wherever that press puts it.
//
// Open popovers form a stack: Escape closes only the newest one (a picker opened from a toolbar closes
// before the toolbar's own state does), and it is swallowed so nothing behind it (closing the thread
// pane, cancelling an edit) reacts to the same key.

import type { Action } from "svelte/action";
import { nav } from "./nav.svelte";

export interface DismissOptions {
  close: () => void;
  /** Presses on the trigger do not count as outside (its own click toggles). Default: the focused element. */
  trigger?: HTMLElement | null;
  /** Escape is left to the owner (e.g. an autocomplete that handles keys itself). Default true. */
  escape?: boolean;
}

interface Entry {
  node: HTMLElement;
  options: DismissOptions;
  trigger: HTMLElement | null;
  restoreFocus: boolean;
}

const stack: Entry[] = [];

function onKeydown(e: KeyboardEvent): void {
  if (e.key !== "Escape" || e.isComposing) return;
  const top = stack.findLast((entry) => entry.options.escape !== false);
  if (!top) return;
  e.preventDefault();
  e.stopPropagation();
  top.restoreFocus = true;
  top.options.close();
}

function onPointerdown(e: PointerEvent): void {
  const target = e.target as Node | null;
  for (const entry of stack.slice()) {
    if (!target || entry.node.contains(target) || entry.trigger?.contains(target)) continue;
    entry.restoreFocus = false;
    entry.options.close();
  }
}

/** Closes every open popover (a message was sent, the view changed). Focus is left alone. */
export function dismissAll(): void {
  for (const entry of stack.slice()) {
    entry.restoreFocus = false;
    entry.options.close();
  }
}

function listen(on: boolean): void {
  const method = on ? addEventListener : removeEventListener;
  // Capture on window runs before any component handler, so Escape can be swallowed here.
  method("keydown", onKeydown as EventListener, true);
  method("pointerdown", onPointerdown as EventListener, true);
}

// What had focus, or was pressed, just before a popover opened: a popover that focuses its own first
// control (autofocus) has already moved focus by the time the action runs, and Safari does not focus
// a clicked button at all.
let lastBlurred: HTMLElement | null = null;
let lastPressed: HTMLElement | null = null;
addEventListener(
  "focusout",
  (e) => (lastBlurred = e.target instanceof HTMLElement ? e.target : null),
  true,
);
addEventListener(
  "pointerdown",
  (e) =>
    (lastPressed =
      e.target instanceof Element ? e.target.closest<HTMLElement>("button, a, [tabindex]") : null),
  true,
);

function findTrigger(node: HTMLElement): HTMLElement | null {
  const active = document.activeElement;
  for (const candidate of [active, lastBlurred, lastPressed]) {
    if (
      candidate instanceof HTMLElement &&
      candidate !== document.body &&
      !node.contains(candidate)
    )
      return candidate;
  }
  return null;
}

/** Svelte action: `<div use:dismiss={{ close: () => (open = false) }}>`. */
export const dismiss: Action<HTMLElement, DismissOptions> = (node, options) => {
  const entry: Entry = {
    node,
    options,
    trigger: options.trigger ?? findTrigger(node),
    restoreFocus: true,
  };
  if (stack.length === 0) listen(true);
  stack.push(entry);
  return {
    update(next) {
      entry.options = next;
      if (next.trigger) entry.trigger = next.trigger;
    },
    destroy() {
      stack.splice(stack.indexOf(entry), 1);
      if (stack.length === 0) listen(false);
      const focused = document.activeElement;
      const lost = !focused || focused === document.body || node.contains(focused);
      if (entry.restoreFocus && lost && entry.trigger?.isConnected)
        entry.trigger.focus({ preventScroll: true });
    },
  };
};

// Switching channel (or workspace, or opening a thread) closes whatever was open in the old view.
$effect.root(() => {
  let first = true;
  $effect(() => {
    void nav.route;
    if (first) first = false;
    else dismissAll();
  });
});
