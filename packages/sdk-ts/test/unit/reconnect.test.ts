import { describe, expect, it } from "vitest";
import {
  DEFAULT_BACKOFF,
  backoffDelay,
  initialState,
  reduce,
  type ReconnectInput,
  type ReconnectState,
} from "../../src/reconnect.ts";

const env = { policy: DEFAULT_BACKOFF, random: () => 0.5 };

/** Feeds inputs through the reducer and returns the final state and last effect. */
function run(state: ReconnectState, ...inputs: ReconnectInput[]) {
  let result = { state, effect: { kind: "none" } as ReturnType<typeof reduce>["effect"] };
  for (const input of inputs) result = reduce(result.state, input, env);
  return result;
}

const low = (attempt: number) => backoffDelay(attempt, DEFAULT_BACKOFF, () => 0);
const high = (attempt: number) => backoffDelay(attempt, DEFAULT_BACKOFF, () => 1);

describe("backoffDelay", () => {
  it("grows exponentially and stays between half and all of the ceiling", () => {
    expect([low(0), high(0)]).toEqual([250, 500]);
    expect([low(3), high(3)]).toEqual([2000, 4000]);
  });

  it("is capped at maxDelayMs", () => {
    expect(backoffDelay(50, DEFAULT_BACKOFF, () => 1)).toBe(DEFAULT_BACKOFF.maxDelayMs);
  });
});

describe("reconnect reducer", () => {
  it("pins the tail before the first connection when no cursor is given", () => {
    expect(run(initialState(undefined), { type: "start" }).effect).toEqual({
      kind: "locate",
      delayMs: 0,
      askApp: false,
    });
    expect(run(initialState("c5"), { type: "start" }).effect).toEqual({
      kind: "connect",
      delayMs: 0,
    });
  });

  it("remembers the last durable cursor for the next connection", () => {
    const { state } = run(
      initialState("c1"),
      { type: "opened", nowMs: 0 },
      { type: "event", cursor: "c2" },
      { type: "event", cursor: "c3" },
    );
    expect(state.cursor).toBe("c3");
    expect(state.status).toBe("open");
  });

  it("asks the app to resync on 4001 and resumes from the cursor it found", () => {
    const closed = run(
      initialState("c1"),
      { type: "opened", nowMs: 0 },
      { type: "closed", code: 4001, nowMs: 10 },
    );
    expect(closed.effect).toEqual({ kind: "locate", delayMs: 0, askApp: true });
    expect(closed.state.status).toBe("reconnecting");
    const located = run(closed.state, { type: "located", cursor: "tail9" });
    expect(located.effect).toEqual({ kind: "connect", delayMs: 0 });
    expect(located.state.cursor).toBe("tail9");
  });

  it("backs off when the server keeps demanding a resync right after connecting", () => {
    let state = initialState("c1");
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const closed = run(
        state,
        { type: "opened", nowMs: 0 },
        { type: "closed", code: 4001, nowMs: 5 },
      );
      if (closed.effect.kind === "locate") delays.push(closed.effect.delayMs);
      state = run(closed.state, { type: "located", cursor: "t" }).state;
    }
    expect(delays).toEqual([0, 375, 750]);
  });

  it("reconnects at once from the last cursor after 1013 (slow consumer)", () => {
    const { state, effect } = run(
      initialState("c1"),
      { type: "opened", nowMs: 0 },
      { type: "event", cursor: "c7" },
      { type: "closed", code: 1013, nowMs: 20 },
    );
    expect(effect).toEqual({ kind: "connect", delayMs: 0 });
    expect(state.cursor).toBe("c7");
  });

  it("stops for good on 1008 (credentials revoked)", () => {
    const { state, effect } = run(
      initialState("c1"),
      { type: "opened", nowMs: 0 },
      { type: "closed", code: 1008, nowMs: 1 },
    );
    expect(effect).toEqual({ kind: "stop" });
    expect(state.status).toBe("closed");
    expect(run(state, { type: "start" }).effect).toEqual({ kind: "none" });
  });

  it("stops for good on 4002 (workspace deleted)", () => {
    const { state, effect } = run(
      initialState("c1"),
      { type: "opened", nowMs: 0 },
      { type: "closed", code: 4002, nowMs: 1 },
    );
    expect(effect).toEqual({ kind: "stop" });
    expect(state.status).toBe("closed");
  });

  it("backs off with growing delays while the server is unreachable", () => {
    let state = initialState("c1");
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const result = run(state, { type: "closed", code: 1006, nowMs: 0 });
      if (result.effect.kind === "connect") delays.push(result.effect.delayMs);
      state = result.state;
    }
    expect(delays).toEqual([375, 750, 1500, 3000]);
  });

  it("starts backoff over after a connection that stayed up", () => {
    let state = run(
      initialState("c1"),
      { type: "closed", code: 1006, nowMs: 0 },
      { type: "closed", code: 1006, nowMs: 0 },
    ).state;
    expect(state.attempt).toBe(2);
    const result = run(
      state,
      { type: "opened", nowMs: 1000 },
      { type: "closed", code: 1001, nowMs: 1000 + DEFAULT_BACKOFF.stableAfterMs },
    );
    expect(result.effect).toEqual({ kind: "connect", delayMs: 375 });
    state = result.state;
    expect(state.attempt).toBe(1);
  });

  it("ignores everything after the client closed", () => {
    const stopped = run(initialState("c1"), { type: "stop" });
    expect(stopped.effect).toEqual({ kind: "stop" });
    expect(run(stopped.state, { type: "closed", code: 1006, nowMs: 0 }).effect).toEqual({
      kind: "none",
    });
    expect(run(stopped.state, { type: "located", cursor: "x" }).effect).toEqual({ kind: "none" });
  });

  it("retries a failed resync with backoff and asks the app again", () => {
    const { effect } = run(initialState("c1"), { type: "locateFailed", askApp: true });
    expect(effect).toEqual({ kind: "locate", delayMs: 375, askApp: true });
  });
});
