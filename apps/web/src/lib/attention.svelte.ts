// Is the person looking? The tab's visibility, the window's focus and the last keyboard/pointer input,
// as reactive state for components and as listeners for the store: a channel is marked read only while
// it is visible, the window focused and scrolled to the newest message; notifications go out only while
// the tab is hidden; the away reporter (lib/away.ts) needs every input.

type Listener = () => void;

const INPUT_EVENTS = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart"] as const;

class Attention {
  visible = $state(document.visibilityState === "visible");
  focused = $state(document.hasFocus());
  readonly #changes = new Set<Listener>();
  readonly #inputs = new Set<Listener>();

  constructor() {
    document.addEventListener("visibilitychange", () => this.#update());
    addEventListener("focus", () => this.#update());
    addEventListener("blur", () => this.#update());
    const input = () => {
      for (const fn of this.#inputs) fn();
    };
    for (const type of INPUT_EVENTS)
      addEventListener(type, input, { passive: true, capture: true });
  }

  /** Visible and focused: someone is in front of this tab. */
  get active(): boolean {
    return this.visible && this.focused;
  }

  /** Called whenever `visible` or `focused` changes; answers the unsubscribe. */
  onChange(fn: Listener): () => void {
    this.#changes.add(fn);
    return () => this.#changes.delete(fn);
  }

  /** Called on every keyboard, pointer or touch input (often: keep it cheap). */
  onInput(fn: Listener): () => void {
    this.#inputs.add(fn);
    return () => this.#inputs.delete(fn);
  }

  #update(): void {
    const visible = document.visibilityState === "visible";
    const focused = visible && document.hasFocus();
    if (visible === this.visible && focused === this.focused) return;
    this.visible = visible;
    this.focused = focused;
    for (const fn of this.#changes) fn();
  }
}

export const attention = new Attention();
