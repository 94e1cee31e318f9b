// The search panel's state: the query being shown, its order, the results so far and the cursor for more.
// Answers to an older query than the one on screen are dropped, so typing fast never shows stale results.

import { api, errorText } from "./api";
import type { SearchResult, SearchSort } from "./types";

const PAGE = 20;

class SearchPanel {
  open = $state(false);
  query = $state("");
  sort = $state<SearchSort>("relevance");
  results = $state.raw<SearchResult[]>([]);
  nextCursor = $state<string | undefined>(undefined);
  loading = $state(false);
  error = $state("");
  #asked = 0;

  /** Runs a new search (or the same one in another order) and opens the panel. */
  async run(workspaceId: string, query: string, sort: SearchSort = this.sort): Promise<void> {
    const asked = ++this.#asked;
    this.open = true;
    this.query = query;
    this.sort = sort;
    this.results = [];
    this.nextCursor = undefined;
    await this.#fetch(workspaceId, asked, undefined);
  }

  /** The next page of the same search. */
  async more(workspaceId: string): Promise<void> {
    if (!this.nextCursor || this.loading) return;
    await this.#fetch(workspaceId, this.#asked, this.nextCursor);
  }

  close(): void {
    this.#asked++;
    this.open = false;
  }

  async #fetch(workspaceId: string, asked: number, cursor: string | undefined): Promise<void> {
    this.loading = true;
    this.error = "";
    try {
      const page = await api.search({
        workspaceId,
        q: this.query,
        sort: this.sort,
        limit: PAGE,
        cursor,
      });
      if (asked !== this.#asked) return;
      this.results = [...this.results, ...page.results];
      this.nextCursor = page.next_cursor;
    } catch (err) {
      if (asked === this.#asked) this.error = errorText(err);
    } finally {
      if (asked === this.#asked) this.loading = false;
    }
  }
}

export const searchPanel = new SearchPanel();
