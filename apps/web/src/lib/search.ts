// Search in the web app, the parts that are plain logic: reading the server's snippets (escaped text whose
// only markup is <mark>) into pieces the results panel renders as text, scoping a query to one channel with
// `in:#name`, and where a result lives (its channel, and its thread when it is a reply).

import type { Message } from "./types";

/** A piece of a snippet: text, and whether it is a matched word. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&#39;": "'",
};

function unescape(text: string): string {
  return text.replace(/&(?:lt|gt|amp|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * Splits a snippet on its `<mark>`/`</mark>` tags and unescapes the rest. The result is shown as text
 * nodes, never as HTML, so nothing in a message body can become markup here, whatever the server sent.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  for (const piece of snippet.split(/(<\/?mark>)/)) {
    if (piece === "<mark>") mark = true;
    else if (piece === "</mark>") mark = false;
    else if (piece) parts.push({ text: unescape(piece), mark });
  }
  return parts;
}

const IN_CHANNEL = /(^|\s)in:#?[^\s]+/gi;

/** True when the query already names a channel with `in:`. */
export function hasChannelScope(query: string): boolean {
  return new RegExp(IN_CHANNEL.source, "i").test(query);
}

/** The query limited to one channel: any `in:` it had is replaced by `in:#name`. */
export function scopedToChannel(query: string, channelName: string): string {
  const rest = query.replace(IN_CHANNEL, " ").trim();
  return `in:#${channelName}${rest ? ` ${rest}` : ""}`;
}

/** The query without any `in:` channel scope. */
export function unscoped(query: string): string {
  return query.replace(IN_CHANNEL, " ").replace(/\s+/g, " ").trim();
}

/** True when the query holds this modifier (`has:link`, `is:thread`), in any letter case. */
export function hasModifier(query: string, modifier: string): boolean {
  return query.toLowerCase().split(/\s+/).includes(modifier.toLowerCase());
}

/** Adds the modifier to the query, or takes it out when it is there. */
export function toggleModifier(query: string, modifier: string): string {
  if (!hasModifier(query, modifier)) return `${query.trim()} ${modifier}`.trim();
  return query
    .split(/\s+/)
    .filter((word) => word.toLowerCase() !== modifier.toLowerCase())
    .join(" ");
}

/** Where a search result opens: its channel, the timeline message to show, and the reply in its thread. */
export interface JumpTarget {
  channelId: string;
  /** The root message shown in the timeline (the message itself, or the root of its thread). */
  rootId: string;
  /** The reply to highlight in the thread pane; null for a root message. */
  replyId: string | null;
}

/** Null for a direct message: the DM view, not a channel, shows those. */
export function jumpTarget(message: Message): JumpTarget | null {
  if (!message.channel_id) return null;
  if (message.parent_message_id)
    return {
      channelId: message.channel_id,
      rootId: message.parent_message_id,
      replyId: message.id,
    };
  return { channelId: message.channel_id, rootId: message.id, replyId: null };
}
