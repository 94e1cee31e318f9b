// What deserves a notification and a click-clack, as plain functions: a direct message to me or a
// mention of me (in a channel that is not muted), never my own message. A channel's preference `all` and
// `mentions` both alert on mentions only; they differ in the unread dot (lib/membership.ts showsUnread). Preferences live in this browser (localStorage) and start off:
// nothing pops up or makes a sound until the person turns it on (notifications also need the browser's
// permission, which is asked only at that moment, see notifier.svelte.ts).

import { mentionsMe } from "./mentions";
import { readJson, writeJson, type KeyValueStore } from "./persisted";
import type { ChatEvent, Message } from "./types";

export interface NotifyPrefs {
  /** Desktop notifications while the tab is hidden. */
  desktop: boolean;
  /** The click-clack sound (its mute is turning this off). */
  sound: boolean;
}

export const NO_ALERTS: NotifyPrefs = { desktop: false, sound: false };
const KEY = "clickclack.notify";

export function loadPrefs(store: KeyValueStore | null): NotifyPrefs {
  const v = readJson(store, KEY) as Partial<NotifyPrefs> | undefined;
  return { desktop: v?.desktop === true, sound: v?.sound === true };
}

export function savePrefs(store: KeyValueStore | null, prefs: NotifyPrefs): void {
  writeJson(store, KEY, prefs);
}

export interface Alert {
  /** The channel or DM conversation the message is in. */
  conversationId: string;
  /** Set for a thread reply: clicking opens the thread. */
  threadRootId: string | null;
  kind: "dm" | "mention";
  title: string;
  body: string;
  /** One notification per message, even if two tabs show it (the browser replaces same-tag ones). */
  tag: string;
}

export interface AlertContext {
  meId: string;
  authorName: (userId: string) => string;
  channelName: (channelId: string) => string | undefined;
  /** The channel's notification preference; a muted channel never alerts, not even for a mention. */
  preference?: (channelId: string) => "all" | "mentions" | "muted" | undefined;
}

const PREVIEW_CHARS = 140;

/** The notification a new-message event is worth, or null (not new, mine, or not for me). */
export function alertFor(event: ChatEvent, ctx: AlertContext): Alert | null {
  if (event.type !== "message.created" && event.type !== "thread.reply_created") return null;
  const m = event.payload.message as Message | undefined;
  if (!m || m.author_id === ctx.meId || m.deleted_at) return null;
  const author = ctx.authorName(m.author_id);
  const dm = m.direct_conversation_id;
  // Roots carry thread_root_id = their own id; only a reply (with a parent) opens a thread.
  const threadRootId = m.parent_message_id ? (m.thread_root_id ?? m.parent_message_id) : null;
  const base = { threadRootId, body: preview(m.body), tag: `cc-${m.id}` };
  if (dm) return { ...base, conversationId: dm, kind: "dm", title: author };
  if (!m.channel_id || !mentionsMe(m, ctx.meId)) return null;
  if (ctx.preference?.(m.channel_id) === "muted") return null;
  const channel = ctx.channelName(m.channel_id);
  return {
    ...base,
    conversationId: m.channel_id,
    kind: "mention",
    title: channel ? `${author} in #${channel}` : author,
  };
}

/** One line of plain text: Markdown marks and extra whitespace would only be noise in a notification. */
export function preview(body: string): string {
  const text = body
    .replace(/```[\s\S]*?```/g, "[code]")
    .replace(/[*_~`>#]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}

export interface AlertSituation {
  prefs: NotifyPrefs;
  permission: NotificationPermission | "unsupported";
  /** The tab is hidden (another tab, minimised). */
  hidden: boolean;
  /** The person is looking at this very conversation (visible, focused, at the newest message). */
  readingIt: boolean;
}

/** Which of the two signals to give: a desktop notification only while hidden, a sound unless read live. */
export function signals(s: AlertSituation): { desktop: boolean; sound: boolean } {
  return {
    desktop: s.prefs.desktop && s.permission === "granted" && s.hidden,
    sound: s.prefs.sound && !s.readingIt,
  };
}
