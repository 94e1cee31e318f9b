// "Away" as this client sees it: no keyboard, pointer or touch input for 5 minutes, or the tab hidden for
// a while. The server marks a silent socket away on its own too; the client says so sooner and, more
// importantly, says "online" again the moment the person is back. Plain code with the clock passed in,
// so the rules are unit-tested; attention.svelte.ts feeds it the browser's events.

export type OwnStatus = "online" | "away";

export const IDLE_AWAY_MS = 5 * 60_000;
/** A tab in the background for this long means the person is elsewhere. */
export const HIDDEN_AWAY_MS = 2 * 60_000;

export interface AwayClock {
  now: number;
  lastInputAt: number;
  /** When the tab was hidden; null while it is visible. */
  hiddenSince: number | null;
}

export function ownStatus({ now, lastInputAt, hiddenSince }: AwayClock): OwnStatus {
  if (hiddenSince !== null && now - hiddenSince >= HIDDEN_AWAY_MS) return "away";
  return now - lastInputAt >= IDLE_AWAY_MS ? "away" : "online";
}

/**
 * Publishes `presence.changed` only on a change (and again after a reconnect, when the server will
 * have counted the new socket as online): one request per transition, never one per mouse move.
 */
export class AwayReporter {
  #clock: AwayClock;
  #status: OwnStatus = "online";

  constructor(
    readonly publish: (status: OwnStatus) => void,
    now: number,
  ) {
    this.#clock = { now, lastInputAt: now, hiddenSince: null };
  }

  get status(): OwnStatus {
    return this.#status;
  }

  input(now: number): void {
    this.#clock = { ...this.#clock, now, lastInputAt: now };
    this.#update();
  }

  hidden(now: number): void {
    this.#clock = { ...this.#clock, now, hiddenSince: this.#clock.hiddenSince ?? now };
    this.#update();
  }

  /** The tab is visible again: that alone means someone is looking. */
  shown(now: number): void {
    this.#clock = { now, lastInputAt: now, hiddenSince: null };
    this.#update();
  }

  /** Re-evaluates on a timer, since going idle is the absence of events. */
  tick(now: number): void {
    this.#clock = { ...this.#clock, now };
    this.#update();
  }

  /** A new socket is online on the server; repeat "away" if that is still what we are. */
  reconnected(): void {
    if (this.#status === "away") this.publish("away");
  }

  /**
   * The server announced my own presence. It also turns a user away after 5 minutes without a write
   * (reading is not a write), and another tab of mine may have said "away": while this tab sees the
   * person at it, it says "online" again.
   */
  serverSaid(status: string): void {
    if (status === "away" && this.#status === "online") this.publish("online");
  }

  #update(): void {
    const next = ownStatus(this.#clock);
    if (next === this.#status) return;
    this.#status = next;
    this.publish(next);
  }
}
