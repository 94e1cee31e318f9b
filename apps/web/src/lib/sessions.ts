// The profile dialog's list of sessions, in words: which one is this browser, what each is, when used.

import type { SessionSummary } from "./types";

/** "This browser", "Browser", "API token". */
export function sessionTitle(session: SessionSummary): string {
  if (session.current) return session.kind === "cookie" ? "This browser" : "This API token";
  return session.kind === "cookie" ? "Browser" : "API token";
}

/** "signed in Dec 1 · last active Dec 3" (dates from the caller's formatter). */
export function sessionDetail(
  session: SessionSummary,
  formatDate: (iso: string) => string,
): string {
  const parts = [`signed in ${formatDate(session.created_at)}`];
  if (session.last_used_at) parts.push(`last active ${formatDate(session.last_used_at)}`);
  if (session.expires_at) parts.push(`expires ${formatDate(session.expires_at)}`);
  return parts.join(" · ");
}

/** The current session first, then the others newest first (as the server sends them). */
export function orderSessions(sessions: SessionSummary[]): SessionSummary[] {
  return [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)];
}
