// Message bodies as HTML for the UI: markdown.ts plus the two helpers that are too big for the first
// page load. The highlighter and the shortcode table are fetched the first time a body needs them;
// once they arrive, every body that asked is rendered again (the helpers are reactive state, so the
// rows that read them update by themselves).

import { renderDetailed, type Highlight, type Shortcodes } from "./markdown";
import { loadShortcodes } from "./shortcodes";

class Helpers {
  highlight = $state.raw<Highlight | null>(null);
  shortcodes = $state.raw<Shortcodes | null>(null);
}
const helpers = new Helpers();
let highlighterAsked = false;
let shortcodesAsked = false;

function wantHighlighter(): void {
  if (highlighterAsked) return;
  highlighterAsked = true;
  import("./highlighter")
    .then((m) => (helpers.highlight = m.highlight))
    .catch(() => (highlighterAsked = false));
}

function wantShortcodes(): void {
  if (shortcodesAsked) return;
  shortcodesAsked = true;
  loadShortcodes()
    .then((table) => (helpers.shortcodes = (name) => table.emoji(name)))
    .catch(() => (shortcodesAsked = false));
}

const cache = new Map<string, string>();
const CACHE_ENTRIES = 4000;

/** Renders with a bounded cache: long timelines re-render often but bodies rarely change. */
export function renderCached(src: string, meHandle: string | null = null): string {
  const { highlight, shortcodes } = helpers;
  const key = `${highlight ? "h" : ""}${shortcodes ? "s" : ""}\u0000${meHandle ?? ""}\u0000${src}`;
  let html = cache.get(key);
  if (html === undefined) {
    const r = renderDetailed(src, { highlight, shortcodes, meHandle });
    if (r.hasCode && !highlight) wantHighlighter();
    if (r.hasShortcode && !shortcodes) wantShortcodes();
    html = r.html;
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, html);
  }
  return html;
}
