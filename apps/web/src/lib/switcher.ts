// The quick switcher's filter: which channels and people match what was typed, best first. Plain
// functions so the ranking is unit-tested; the component only renders the answer.

export interface SwitchItem {
  kind: "channel" | "dm" | "person";
  id: string;
  /** What is matched and shown: a channel's name, a conversation's people, a person's display name. */
  label: string;
  /** Also matched, shown dimmer: a person's handle (a conversation's handles, space-separated). */
  alias?: string;
  archived?: boolean;
}

const WORD_START = /[\s_.\-/]/;

/**
 * How well `query` matches `text` (higher is better), or null when it does not. Exact beats prefix
 * beats a word start ("tide" in "low-tide") beats a substring beats a scattered subsequence ("gnrl").
 */
export function matchScore(query: string, text: string): number | null {
  const q = query.toLowerCase().trim();
  const t = text.toLowerCase();
  if (!q) return 0;
  if (t === q) return 1000;
  if (t.startsWith(q)) return 900 - t.length;
  const at = t.indexOf(q);
  if (at > 0 && WORD_START.test(t[at - 1]!)) return 700 - at;
  if (at > 0) return 500 - at;
  // Subsequence: every query character in order. Consecutive runs and word starts earn more, gaps cost.
  let score = 300;
  let ti = 0;
  let last = -1;
  for (const ch of q) {
    const found = t.indexOf(ch, ti);
    if (found < 0) return null;
    if (found === last + 1) score += 5;
    else score -= Math.min(found - last, 10);
    if (found === 0 || WORD_START.test(t[found - 1]!)) score += 8;
    last = found;
    ti = found + 1;
  }
  return Math.max(score, 1);
}

/** Items matching `query`, best first; with no query, everything in the order given (channels first). */
export function rankItems(items: readonly SwitchItem[], query: string, limit = 12): SwitchItem[] {
  if (!query.trim()) return items.filter((i) => !i.archived).slice(0, limit);
  const scored: { item: SwitchItem; score: number; order: number }[] = [];
  items.forEach((item, order) => {
    const byLabel = matchScore(query, item.label);
    const byAlias = item.alias ? matchScore(query, item.alias) : null;
    const best = Math.max(byLabel ?? -1, byAlias === null ? -1 : byAlias - 1);
    if (best < 0) return;
    // Archived channels still match, below everything live.
    scored.push({ item, score: best - (item.archived ? 2000 : 0), order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, limit).map((s) => s.item);
}
