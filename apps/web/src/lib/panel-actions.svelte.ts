// One action at a time in an Integrations panel: which one runs (its buttons show progress) and the error it
// ended in; after a success the panel fetches its list again, so what it shows is the server's.
import { errorText } from "./api";

export class PanelActions {
  /** What is running: a form's name or an item's id; empty when nothing is. */
  busy = $state("");
  error = $state("");
  readonly #reload: () => Promise<void>;

  constructor(reload: () => Promise<void>) {
    this.#reload = reload;
  }

  /** The first load, on mount: a failure shows as the panel's error. */
  load(): void {
    this.#reload().catch((err) => (this.error = errorText(err)));
  }

  async run(what: string, action: () => Promise<void>): Promise<void> {
    this.busy = what;
    this.error = "";
    try {
      await action();
      await this.#reload();
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.busy = "";
    }
  }
}
