// Invite links in words: the choices the "Invite people" dialog offers, how an invite reads in its list,
// and what the invite page says when a link no longer works.

import type { Invite } from "./types";

const HOUR = 3600;
const DAY = 24 * HOUR;

/** How long a new invite works; the server takes seconds (5 minutes to 365 days). */
export const INVITE_EXPIRY_CHOICES = [
  { id: "1h", label: "1 hour", seconds: HOUR },
  { id: "1d", label: "1 day", seconds: DAY },
  { id: "7d", label: "7 days", seconds: 7 * DAY },
  { id: "30d", label: "30 days", seconds: 30 * DAY },
] as const;

export type InviteExpiryId = (typeof INVITE_EXPIRY_CHOICES)[number]["id"];

/** Use limits offered; "" = no limit. */
export const INVITE_USE_CHOICES = ["", "1", "5", "10", "25", "100"] as const;

export function expirySeconds(id: InviteExpiryId): number {
  return INVITE_EXPIRY_CHOICES.find((c) => c.id === id)?.seconds ?? 7 * DAY;
}

/** The request body of the dialog's choices. */
export function inviteOptions(
  expiry: InviteExpiryId,
  maxUses: string,
): { expiresInSeconds: number; maxUses?: number } {
  const uses = Number.parseInt(maxUses, 10);
  return Number.isFinite(uses) && uses > 0
    ? { expiresInSeconds: expirySeconds(expiry), maxUses: uses }
    : { expiresInSeconds: expirySeconds(expiry) };
}

export type InviteState = "active" | "revoked" | "expired" | "used-up";

export function inviteState(invite: Invite, now: number): InviteState {
  if (invite.revoked_at) return "revoked";
  if (invite.expires_at && Date.parse(invite.expires_at) <= now) return "expired";
  if (invite.max_uses !== undefined && invite.uses >= invite.max_uses) return "used-up";
  return "active";
}

/** "in 3 days", "in 5 hours", "in 12 minutes" (or "now" when it is past). */
export function timeUntil(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (seconds <= 0) return "now";
  if (seconds >= 2 * DAY) return `in ${Math.round(seconds / DAY)} days`;
  if (seconds >= 2 * HOUR) return `in ${Math.round(seconds / HOUR)} hours`;
  const minutes = Math.max(1, Math.round(seconds / 60));
  return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** One line of the invite list: "2 of 5 used · expires in 3 days", "revoked", … */
export function describeInvite(invite: Invite, now: number): string {
  const used =
    invite.max_uses !== undefined
      ? `${invite.uses} of ${invite.max_uses} used`
      : `${invite.uses} used`;
  switch (inviteState(invite, now)) {
    case "revoked":
      return `${used} · revoked`;
    case "expired":
      return `${used} · expired`;
    case "used-up":
      return `${used} · used up`;
    case "active":
      return invite.expires_at ? `${used} · expires ${timeUntil(invite.expires_at, now)}` : used;
  }
}

/** What the invite page says for a link that does not open (the server's own words for 410). */
export function unusableInviteText(status: number | undefined, serverMessage: string): string {
  if (status === 404) return "This invite link is not valid. Check that you copied all of it.";
  if (status === 410) return serverMessage.charAt(0).toUpperCase() + serverMessage.slice(1) + ".";
  return serverMessage;
}
