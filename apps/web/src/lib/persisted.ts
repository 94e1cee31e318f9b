// JSON values kept in localStorage. Storage can be missing or full (private windows, quota, a
// sandboxed iframe); every caller then carries on in memory for this page's lifetime, so a failure
// here costs persistence across reloads, never the feature itself.

/** The part of the Web Storage API we use; tests pass an in-memory one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The browser's localStorage, or null where touching it throws. */
export function browserStorage(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Reads and parses a key; undefined when absent, unreadable or not JSON. */
export function readJson(store: KeyValueStore | null, key: string): unknown {
  try {
    const text = store?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a value as JSON (or removes the key for `undefined`); false when storage refused it. */
export function writeJson(store: KeyValueStore | null, key: string, value: unknown): boolean {
  if (!store) return false;
  try {
    if (value === undefined) store.removeItem(key);
    else store.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** A Map-backed store for tests and for pages without storage. */
export class MemoryStore implements KeyValueStore {
  readonly #data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.#data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#data.set(key, value);
  }
  removeItem(key: string): void {
    this.#data.delete(key);
  }
}
