// Channel membership on the client: which channels the sidebar shows, which the browser offers, and how a
// membership event changes one channel. Plain functions, so the rules have unit tests.

import type { Channel, ChatEvent } from "./types";

/**
 * Whether the sidebar lists the channel: joined ones. A server from before channel membership sends no
 * `is_member`; then every channel counts as joined, as it did.
 */
export function inSidebar(channel: Channel): boolean {
  return channel.is_member !== false;
}

/** The public channels I have not joined, matching `query` (name or topic), biggest first, then by name. */
export function browsable(channels: Channel[], query: string): Channel[] {
  const q = query.trim().toLowerCase().replace(/^#/, "");
  return channels
    .filter((c) => c.is_member === false && !c.archived_at)
    .filter((c) => !q || c.name.includes(q) || c.topic.toLowerCase().includes(q))
    .toSorted(
      (a, b) => (b.member_count ?? 0) - (a.member_count ?? 0) || a.name.localeCompare(b.name),
    );
}

/**
 * The unread dot follows the channel's notification preference: `all` shows it for any new message;
 * `mentions` and `muted` show only the mention badge (`muted` also silences alerts, see lib/notify.ts).
 */
export function showsUnread(channel: Channel): boolean {
  const p = channel.notification_preference;
  return p !== "muted" && p !== "mentions";
}

/**
 * The channel after a `channel.member_joined` / `channel.member_left` / `channel.updated` event, as far as
 * membership goes: `null` when it must leave my list (a private channel I am not in), `undefined` when the
 * event changes nothing here.
 */
export function applyMembership(
  prev: Channel | undefined,
  event: ChatEvent,
  meId: string,
): Channel | null | undefined {
  const p = event.payload as { user_id?: string; channel?: Channel };
  const channel = p.channel;
  if (event.type === "channel.updated") {
    if (channel?.kind === "private" && prev?.is_member !== true) return null;
    return undefined;
  }
  if (event.type !== "channel.member_joined" && event.type !== "channel.member_left")
    return undefined;
  const joined = event.type === "channel.member_joined";
  const base = prev ?? channel;
  if (!base) return undefined;
  const count =
    typeof base.member_count === "number"
      ? Math.max(0, base.member_count + (joined ? 1 : -1))
      : base.member_count;
  if (p.user_id !== meId) return { ...base, member_count: count };
  if (!joined && base.kind === "private") return null;
  if (prev?.is_member === joined) return prev; // my own answer got here first
  return {
    ...base,
    is_member: joined,
    member_count: count,
    notification_preference: joined ? (base.notification_preference ?? "all") : undefined,
  };
}
