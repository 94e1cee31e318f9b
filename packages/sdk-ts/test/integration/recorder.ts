// Collects what a subscription delivers and lets a test await a condition on it, without
// sleeping: each delivery re-checks the waiting predicates.
import type { ConnectionStatus, Event } from "../../src/index.ts";

const WAIT_TIMEOUT_MS = 10_000;

export class Recorder {
  readonly events: Event[] = [];
  readonly statuses: ConnectionStatus[] = [];
  #waiters: Array<() => boolean> = [];

  onEvent = (event: Event): void => {
    this.events.push(event);
    this.#check();
  };

  onStatus = (status: ConnectionStatus): void => {
    this.statuses.push(status);
    this.#check();
  };

  /** Resolves once `predicate` holds (checked now and after every delivery). */
  until(what: string, predicate: (recorder: Recorder) => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((waiter) => waiter !== check);
        const types = this.events.map((e) => e.type).join(", ");
        reject(
          new Error(`timed out waiting for ${what}; got [${types}] statuses [${this.statuses}]`),
        );
      }, WAIT_TIMEOUT_MS);
      const check = () => {
        if (!predicate(this)) return false;
        clearTimeout(timer);
        resolve();
        return true;
      };
      if (!check()) this.#waiters.push(check);
    });
  }

  /** Message ids of the `message.created` events received, in order. */
  createdMessageIds(): string[] {
    return this.events
      .filter((event) => event.type === "message.created")
      .map((event) => String(event.payload.message_id));
  }

  #check(): void {
    this.#waiters = this.#waiters.filter((waiter) => !waiter());
  }
}
