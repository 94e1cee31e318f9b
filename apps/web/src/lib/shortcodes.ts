// Emoji shortcodes (`:tada:` → 🎉): the lookup used when rendering messages and the suggestions the
// composer offers after ":" and two letters. The names are GitHub's (the gemoji package, the list
// Slack, GitHub and Mattermost users already type); the ~1,900-entry table is loaded on first use so
// it never weighs on the first page load.

export interface EmojiEntry {
  emoji: string;
  names: readonly string[];
  tags: readonly string[];
}

export interface Suggestion {
  name: string;
  emoji: string;
}

export interface ShortcodeTable {
  /** The emoji for an exact name, case-insensitive. */
  emoji(name: string): string | undefined;
  /** Best matches for what was typed after ":", best first. */
  suggest(query: string, limit?: number): Suggestion[];
}

/** Names that win ties: what people react with most, and our crustacean pack. */
const FAVOURITES = [
  "+1",
  "heart",
  "joy",
  "tada",
  "pray",
  "eyes",
  "fire",
  "white_check_mark",
  "clap",
  "rocket",
  "lobster",
  "crab",
  "shrimp",
  "shell",
  "ocean",
  "squid",
  "octopus",
  "bubbles",
  "smile",
  "thinking",
  "wave",
  "100",
];

export function buildTable(entries: readonly EmojiEntry[]): ShortcodeTable {
  const byName = new Map<string, string>();
  // Every (name, emoji) pair, in the source's order (which groups similar emoji sensibly).
  const names: { name: string; emoji: string; tags: readonly string[]; order: number }[] = [];
  for (const entry of entries) {
    for (const name of entry.names) {
      const lower = name.toLowerCase();
      if (byName.has(lower)) continue;
      byName.set(lower, entry.emoji);
      names.push({ name: lower, emoji: entry.emoji, tags: entry.tags, order: names.length });
    }
  }
  const favourite = new Map(FAVOURITES.map((name, i) => [name, i]));

  return {
    emoji: (name) => byName.get(name.toLowerCase()),
    suggest(query, limit = 8) {
      const q = query.toLowerCase();
      if (!q) return [];
      const scored: { s: Suggestion; rank: number; tie: number }[] = [];
      for (const n of names) {
        let rank: number;
        if (n.name === q) rank = 0;
        else if (n.name.startsWith(q)) rank = 1;
        else if (n.name.includes(`_${q}`)) rank = 2;
        else if (n.tags.some((t) => t.startsWith(q))) rank = 3;
        else if (n.name.includes(q)) rank = 4;
        else continue;
        // Within a rank: favourites, then shorter names (closer to what was typed), then source order.
        const fav = favourite.get(n.name);
        const tie = fav !== undefined ? fav - 1000 : n.name.length * 10_000 + n.order;
        scored.push({ s: { name: n.name, emoji: n.emoji }, rank, tie });
      }
      scored.sort((a, b) => a.rank - b.rank || a.tie - b.tie);
      const seen = new Set<string>();
      const out: Suggestion[] = [];
      for (const { s } of scored) {
        // One row per emoji: ":+1:" and ":thumbsup:" are the same picture.
        if (seen.has(s.emoji)) continue;
        seen.add(s.emoji);
        out.push(s);
        if (out.length === limit) break;
      }
      return out;
    },
  };
}

let loading: Promise<ShortcodeTable> | null = null;

/** The full table, fetched once (a separate chunk). */
export function loadShortcodes(): Promise<ShortcodeTable> {
  loading ??= import("gemoji")
    .then((m) => buildTable(m.gemoji))
    .catch((err: unknown) => {
      loading = null;
      throw err;
    });
  return loading;
}

export const MIN_QUERY_CHARS = 2;

/**
 * The shortcode being typed right before the caret: ":ta|" → { start: index of ":", query: "ta" }.
 * Needs two characters, and the ":" must start a word so "10:30" and "http://" never trigger it.
 */
export function shortcodeAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|[\s([{"'])(:([a-z0-9_+-]*))$/i.exec(before);
  if (!m || m[3]!.length < MIN_QUERY_CHARS) return null;
  return { start: caret - m[2]!.length, query: m[3]! };
}
