// Message bodies as CommonMark + GitHub-flavoured Markdown (tables, strikethrough, task lists), rendered
// by markdown-it and configured safe.
//
// Security model: the output is an HTML string that the UI inserts with {@html}. That is only safe
// because markdown-it is told never to pass HTML through (`html: false`: raw HTML in a message is shown
// as text), images are off (no tracking pixels, no layout jumps), and every link (written or linkified)
// must pass `safeHref`: an absolute http(s) or mailto URL. Links open in a new tab with
// rel="noopener noreferrer". The only tags emitted are markdown-it's own, plus a disabled checkbox for
// task lists and <span class="mention"> around @mentions (markdown-mentions.ts); table alignment becomes a class instead of an inline style. Code highlighting, when
// passed in, must return escaped HTML (highlight.js does).

import MarkdownIt from "markdown-it";
import { mentionRule } from "./markdown-mentions";
import { shortcodeRule } from "./markdown-shortcodes";
import { taskListRule } from "./markdown-tasks";

/** Highlights one fenced block; returns escaped HTML, or null to show it plain. */
export type Highlight = (code: string, lang: string) => string | null;
/** Answers the emoji for a shortcode name ("tada" → "🎉"), or undefined. */
export type Shortcodes = (name: string) => string | undefined;

export interface RenderOptions {
  highlight?: Highlight | null;
  shortcodes?: Shortcodes | null;
  /** The signed-in user's handle: mentions of it get the "me" class. */
  meHandle?: string | null;
}

export interface Rendered {
  html: string;
  /** A fenced block with a language was seen: worth loading the highlighter. */
  hasCode: boolean;
  /** Something like `:name:` was seen outside code: worth loading the shortcode table. */
  hasShortcode: boolean;
}

/** What the markdown-it rules read and report during one render (markdown-it's per-render `env`). */
export interface RenderEnv {
  [key: string | symbol]: unknown;
  options: RenderOptions;
  hasCode: boolean;
  hasShortcode: boolean;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Returns the URL if it is safe to link to, else null. Relative and script URLs are refused. */
export function safeHref(raw: string): string | null {
  const url = raw.trim();
  // Control characters and whitespace inside a scheme are a classic way to sneak "java\tscript:" past filters.
  for (const ch of url) if (ch.charCodeAt(0) <= 0x20 || ch.charCodeAt(0) === 0x7f) return null;
  if (!/^(https?:\/\/[^/]|mailto:[^@\s]+@)/i.test(url)) return null;
  return url;
}

const md = new MarkdownIt("default", {
  html: false,
  linkify: true,
  // Chat habit: a single newline is a line break, not a space.
  breaks: true,
  typographer: false,
  langPrefix: "language-",
});
md.disable("image");
// Only explicit http(s):// and mailto: links; "example.com" in a sentence stays text.
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
md.validateLink = (url) => safeHref(url) !== null;

// markdown-it calls `highlight` without the env; `rendering` is the env of the render in progress
// (rendering is synchronous, so there is exactly one).
let rendering: RenderEnv | null = null;
md.set({
  highlight: (code, lang) => {
    const name = lang.trim().split(/\s+/)[0] ?? "";
    if (!name || !rendering) return "";
    rendering.hasCode = true;
    return rendering.options.highlight?.(code, name) ?? "";
  },
});

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
md.renderer.rules.link_open = (tokens, i, options, env, self) => {
  tokens[i]!.attrSet("target", "_blank");
  tokens[i]!.attrSet("rel", "noopener noreferrer");
  return defaultLinkOpen(tokens, i, options, env, self);
};

// Semantic <del> for ~~strike~~ (markdown-it writes <s>).
md.renderer.rules.s_open = () => "<del>";
md.renderer.rules.s_close = () => "</del>";

// A fence's info string becomes a class name: only plain language names ("ts", "c++", "objective-c").
md.core.ruler.push("fence_language", (state) => {
  for (const token of state.tokens) {
    if (token.type === "fence" && !/^[\w+#.-]{1,20}(\s|$)/.test(token.info.trim())) token.info = "";
  }
});

// Table alignment arrives as style="text-align:…"; a class keeps inline styles out of the output.
md.core.ruler.push("align_class", (state) => {
  for (const token of state.tokens) {
    const style = token.attrGet("style");
    if (!style) continue;
    const align = /^text-align:(left|center|right)$/.exec(String(style))?.[1];
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
    if (align) token.attrJoin("class", `align-${align}`);
  }
});
md.core.ruler.before("text_join", "mentions", mentionRule);
// The one tag the mention rule adds; its text is escaped like any other.
md.renderer.rules.mention = (tokens, i) =>
  `<span class="mention${tokens[i]!.meta?.me ? " me" : ""}">${escapeHtml(tokens[i]!.content)}</span>`;
md.core.ruler.push("task_list", taskListRule);
md.core.ruler.push("shortcodes", shortcodeRule);

/** Renders a message body to safe HTML and says which optional helpers would improve it. */
export function renderDetailed(src: string, options: RenderOptions = {}): Rendered {
  const env: RenderEnv = { options, hasCode: false, hasShortcode: false };
  rendering = env;
  try {
    const html = md.render(src, env).trimEnd();
    return { html, hasCode: env.hasCode, hasShortcode: env.hasShortcode };
  } finally {
    rendering = null;
  }
}

/** Renders a message body to safe HTML. */
export function renderMarkdown(src: string, options: RenderOptions = {}): string {
  return renderDetailed(src, options).html;
}
