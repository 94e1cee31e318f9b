// Light/dark theme: follows the system until the user picks one, then remembers the pick.
// The choice is written to <html data-theme> so plain CSS variables do the rest.

export type ThemeChoice = "light" | "dark" | "system";
const KEY = "clickclack.theme";

function systemDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

function stored(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === "light" || v === "dark" ? v : "system";
  } catch {
    return "system"; // storage can be disabled; the system preference still works
  }
}

class Theme {
  choice = $state<ThemeChoice>(stored());
  #system = $state(systemDark());

  readonly effective = $derived<"light" | "dark">(
    this.choice === "system" ? (this.#system ? "dark" : "light") : this.choice,
  );

  constructor() {
    if (typeof matchMedia === "function") {
      matchMedia("(prefers-color-scheme: dark)").addEventListener(
        "change",
        (e) => (this.#system = e.matches),
      );
    }
  }

  /** Flips between light and dark and remembers it. */
  toggle(): void {
    this.set(this.effective === "dark" ? "light" : "dark");
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    try {
      if (choice === "system") localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, choice);
    } catch {
      // Not remembered, but still applied for this visit.
    }
  }

  /** Keeps <html data-theme> in sync; call once from the root component. */
  apply(): void {
    $effect(() => {
      document.documentElement.dataset.theme = this.effective;
      document
        .querySelector('meta[name="theme-color"]')
        ?.setAttribute("content", this.effective === "dark" ? "#141821" : "#ffffff");
    });
  }
}

export const theme = new Theme();

/** Sets the attribute before the first render so a dark-mode user never sees a white flash. */
export function applyThemeEarly(): void {
  const choice = stored();
  document.documentElement.dataset.theme =
    choice === "system" ? (systemDark() ? "dark" : "light") : choice;
}
