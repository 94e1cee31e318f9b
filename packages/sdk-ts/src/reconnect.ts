// The realtime subscription's decisions, as a pure reducer: given what just happened (socket
// opened, closed with a code, resync done) it answers what to do next and after how long.
// No timers or sockets here, so every close-code path is unit-tested without a server.

export type ConnectionStatus = "connecting" | "open" | "reconnecting" | "closed";

/** Close codes the server uses (see x-close-codes in openapi.yaml). */
export const CLOSE_RESYNC_REQUIRED = 4001;
export const CLOSE_TRY_AGAIN_LATER = 1013;
export const CLOSE_POLICY_VIOLATION = 1008;
/** The workspace was deleted (with its event log): nothing to reconnect to. */
export const CLOSE_WORKSPACE_DELETED = 4002;

export interface BackoffPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  multiplier: number;
  /** A connection that stayed open this long counts as healthy: backoff starts over. */
  stableAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  multiplier: 2,
  stableAfterMs: 5_000,
};

/**
 * Delay before retry number `attempt` (0-based): exponential, capped, with "equal jitter" —
 * half fixed, half random — so clients that lost the same server spread out without any of
 * them retrying instantly.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface ReconnectState {
  status: ConnectionStatus;
  /** Last durable cursor seen; where the next connection resumes. */
  cursor: string | undefined;
  /** Consecutive failed or short-lived connections. */
  attempt: number;
  openedAtMs: number | undefined;
  receivedSinceOpen: boolean;
}

export type ReconnectInput =
  | { type: "start" }
  | { type: "opened"; nowMs: number }
  | { type: "event"; cursor: string }
  | { type: "closed"; code: number; nowMs: number }
  | { type: "located"; cursor: string | undefined }
  | { type: "locateFailed"; askApp: boolean }
  | { type: "stop" };

/**
 * What the driver must do next.
 * - connect: open a socket from `state.cursor` after `delayMs`.
 * - locate: find a cursor to resume from after `delayMs`; `askApp` means the server demanded a
 *   resync, so the app refetches its state (and may hand back a cursor) before we go on.
 */
export type ReconnectEffect =
  | { kind: "none" }
  | { kind: "connect"; delayMs: number }
  | { kind: "locate"; delayMs: number; askApp: boolean }
  | { kind: "stop" };

export interface ReconnectEnv {
  policy: BackoffPolicy;
  random: () => number;
}

export function initialState(cursor: string | undefined): ReconnectState {
  return {
    status: "connecting",
    cursor,
    attempt: 0,
    openedAtMs: undefined,
    receivedSinceOpen: false,
  };
}

export function reduce(
  state: ReconnectState,
  input: ReconnectInput,
  env: ReconnectEnv,
): { state: ReconnectState; effect: ReconnectEffect } {
  const none = { kind: "none" } as const;
  if (state.status === "closed") return { state, effect: none };

  switch (input.type) {
    case "start":
      // Without a cursor a dropped connection could not resume without a gap, so pin the
      // current tail first. The app just loaded its data: no need to ask it to refetch.
      return state.cursor === undefined
        ? { state, effect: { kind: "locate", delayMs: 0, askApp: false } }
        : { state, effect: { kind: "connect", delayMs: 0 } };
    case "opened":
      return {
        state: { ...state, status: "open", openedAtMs: input.nowMs, receivedSinceOpen: false },
        effect: none,
      };
    case "event":
      return { state: { ...state, cursor: input.cursor, receivedSinceOpen: true }, effect: none };
    case "located":
      return { state: { ...state, cursor: input.cursor }, effect: { kind: "connect", delayMs: 0 } };
    case "locateFailed": {
      const next = { ...state, status: "reconnecting" as const, attempt: state.attempt + 1 };
      return {
        state: next,
        effect: {
          kind: "locate",
          delayMs: backoffDelay(state.attempt, env.policy, env.random),
          askApp: input.askApp,
        },
      };
    }
    case "stop":
      return { state: { ...state, status: "closed" }, effect: { kind: "stop" } };
    case "closed":
      return onClosed(state, input.code, input.nowMs, env);
  }
}

function onClosed(
  state: ReconnectState,
  code: number,
  nowMs: number,
  env: ReconnectEnv,
): { state: ReconnectState; effect: ReconnectEffect } {
  if (code === CLOSE_POLICY_VIOLATION || code === CLOSE_WORKSPACE_DELETED) {
    // Credentials revoked, membership removed or the workspace deleted: retrying cannot work.
    return { state: { ...state, status: "closed" }, effect: { kind: "stop" } };
  }
  const healthy =
    state.receivedSinceOpen ||
    (state.openedAtMs !== undefined && nowMs - state.openedAtMs >= env.policy.stableAfterMs);
  const attempt = healthy ? 0 : state.attempt;
  const next: ReconnectState = {
    ...state,
    status: "reconnecting",
    attempt: attempt + 1,
    openedAtMs: undefined,
    receivedSinceOpen: false,
  };
  // The first retry after a healthy connection is immediate for the two codes that ask for
  // it; repeated ones back off so a server that keeps refusing is not hammered.
  const delayMs = attempt === 0 ? 0 : backoffDelay(attempt - 1, env.policy, env.random);
  if (code === CLOSE_RESYNC_REQUIRED) {
    return { state: next, effect: { kind: "locate", delayMs, askApp: true } };
  }
  if (code === CLOSE_TRY_AGAIN_LATER) {
    return { state: next, effect: { kind: "connect", delayMs } };
  }
  return {
    state: next,
    effect: { kind: "connect", delayMs: backoffDelay(attempt, env.policy, env.random) },
  };
}
