// A small, safe Markdown renderer for message bodies.
//
// Security model: the output is an HTML string that the UI inserts with {@html}. That is only safe
// because this module never copies input through unescaped. Every character of user text goes through
// escapeHtml; the only tags emitted are a fixed list written here (p, br, strong, em, del, code, pre,
// blockquote, ul, ol, li, a); the only attribute carrying user data is a link's href, which must be an
// absolute http(s) or mailto URL and is attribute-escaped. Raw HTML in a message is shown as text.
//
// Supported: paragraphs and line breaks, **strong**, *em* / _em_, ~~strike~~, `code`, ``` fenced code
// blocks ```, [links](https://…), bare https:// links, "> " quotes, "- " / "* " and "1. " lists.

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

function link(href: string, label: string): string {
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${label}</a>`;
}

// ---- inline -----------------------------------------------------------------------------------------

const BARE_URL = /^https?:\/\/[^\s<>"'`]+/i;

/** Renders inline Markdown in one line (or paragraph) of text. */
export function renderInline(src: string): string {
  let out = "";
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    const rest = src.slice(i);

    if (ch === "\\" && i + 1 < src.length && /[\\`*_~[\]()>#-]/.test(src[i + 1]!)) {
      out += escapeHtml(src[i + 1]!);
      i += 2;
      continue;
    }

    if (ch === "`") {
      const run = /^`+/.exec(rest)![0];
      const close = src.indexOf(run, i + run.length);
      if (close > i) {
        out += `<code>${escapeHtml(src.slice(i + run.length, close))}</code>`;
        i = close + run.length;
        continue;
      }
      out += escapeHtml(run);
      i += run.length;
      continue;
    }

    if (ch === "[") {
      const m = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(rest);
      const href = m ? safeHref(m[2]!) : null;
      if (m && href) {
        out += link(href, renderInline(m[1]!));
        i += m[0].length;
        continue;
      }
    }

    if ((ch === "h" || ch === "H") && (i === 0 || /[\s(]/.test(src[i - 1]!))) {
      const m = BARE_URL.exec(rest);
      if (m) {
        // Trailing punctuation usually ends the sentence, not the URL.
        const url = m[0].replace(/[.,;:!?)]+$/, "");
        const href = safeHref(url);
        if (href) {
          out += link(href, escapeHtml(url));
          i += url.length;
          continue;
        }
      }
    }

    const delim = emphasis(src, i);
    if (delim) {
      out += `<${delim.tag}>${renderInline(delim.inner)}</${delim.tag}>`;
      i = delim.end;
      continue;
    }

    out += escapeHtml(ch);
    i++;
  }
  return out;
}

interface Emphasis {
  tag: "strong" | "em" | "del";
  inner: string;
  end: number;
}

function emphasis(src: string, i: number): Emphasis | null {
  for (const [mark, tag] of [
    ["**", "strong"],
    ["__", "strong"],
    ["~~", "del"],
    ["*", "em"],
    ["_", "em"],
  ] as const) {
    if (!src.startsWith(mark, i)) continue;
    const start = i + mark.length;
    // Opening delimiters must hug the text ("*word*", not "a * b"); "_" also needs a word boundary so
    // snake_case_names stay as written.
    if (start >= src.length || /\s/.test(src[start]!)) continue;
    if (mark[0] === "_" && i > 0 && /\w/.test(src[i - 1]!)) continue;
    let close = src.indexOf(mark, start + 1);
    while (close > 0) {
      const after = src[close + mark.length];
      const before = src[close - 1]!;
      const boundary = mark[0] !== "_" || after === undefined || !/\w/.test(after);
      const sameRun = mark.length === 1 && after === mark;
      if (!/\s/.test(before) && boundary && !sameRun) break;
      close = src.indexOf(mark, close + (sameRun ? 2 : 1));
    }
    if (close > start - 1 && close >= start) {
      return { tag, inner: src.slice(start, close), end: close + mark.length };
    }
  }
  return null;
}

// ---- blocks -----------------------------------------------------------------------------------------

const FENCE = /^\s{0,3}(```|~~~)(.*)$/;
const QUOTE = /^\s{0,3}> ?(.*)$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;

/** Renders a message body to safe HTML. */
export function renderMarkdown(src: string): string {
  return renderBlocks(src.replace(/\r\n?/g, "\n").split("\n"), 0);
}

function renderBlocks(lines: string[], depth: number): string {
  let out = "";
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;

    if (line.trim() === "") {
      i++;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const lang = fence[2]!.trim().split(/\s+/)[0] ?? "";
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trimStart().startsWith(marker)) body.push(lines[i++]!);
      i++; // closing fence (or end of message: an unclosed fence runs to the end)
      const cls = /^[\w+-]{1,20}$/.test(lang) ? ` class="language-${lang}"` : "";
      out += `<pre><code${cls}>${escapeHtml(body.join("\n"))}</code></pre>`;
      continue;
    }

    // Quotes nest by recursion; the depth cap keeps "> > > > …" from costing more than it is worth.
    if (QUOTE.test(line) && depth < 4) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) body.push(QUOTE.exec(lines[i++]!)![1]!);
      out += `<blockquote>${renderBlocks(body, depth + 1)}</blockquote>`;
      continue;
    }

    if (BULLET.test(line) || ORDERED.test(line)) {
      const ordered = !BULLET.test(line);
      const re = ordered ? ORDERED : BULLET;
      const items: string[] = [];
      const first = ordered ? Number(ORDERED.exec(line)![1]) : 1;
      while (i < lines.length && re.test(lines[i]!)) {
        const m = re.exec(lines[i++]!)!;
        items.push(ordered ? m[2]! : m[1]!);
      }
      const tag = ordered ? "ol" : "ul";
      const start = ordered && first !== 1 ? ` start="${first}"` : "";
      out += `<${tag}${start}>${items.map((it) => `<li>${renderInline(it)}</li>`).join("")}</${tag}>`;
      continue;
    }

    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== "" && !startsBlock(lines[i]!))
      para.push(lines[i++]!);
    out += `<p>${para.map(renderInline).join("<br>")}</p>`;
  }
  return out;
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || QUOTE.test(line) || BULLET.test(line) || ORDERED.test(line);
}

// ---- cache ------------------------------------------------------------------------------------------

const cache = new Map<string, string>();
const CACHE_ENTRIES = 4000;

/** Renders with a bounded cache: long timelines re-render often but bodies rarely change. */
export function renderCached(src: string): string {
  let html = cache.get(src);
  if (html === undefined) {
    html = renderMarkdown(src);
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(src, html);
  }
  return html;
}
