// Moves the server's read pointer as the person reads, without a request per message: one request in
// flight per conversation, and whatever was read meanwhile goes in the next one (only the highest seq
// matters, the server only moves forward). Failures are dropped: the next read sends a newer seq anyway.

export class ReadSync {
  readonly #sent = new Map<string, number>();
  readonly #inFlight = new Set<string>();
  readonly #waiting = new Map<string, number>();

  constructor(readonly send: (conversationId: string, seq: number) => Promise<unknown>) {}

  /** The pointer should be at least `seq`; the server hears about it soon. */
  read(conversationId: string, seq: number): void {
    if (seq <= (this.#sent.get(conversationId) ?? -1)) return;
    if (this.#inFlight.has(conversationId)) {
      this.#waiting.set(conversationId, Math.max(seq, this.#waiting.get(conversationId) ?? -1));
      return;
    }
    void this.#push(conversationId, seq);
  }

  async #push(conversationId: string, seq: number): Promise<void> {
    this.#inFlight.add(conversationId);
    try {
      await this.send(conversationId, seq);
      this.#sent.set(conversationId, Math.max(seq, this.#sent.get(conversationId) ?? -1));
    } catch {
      // Not moved this time; a later read carries a seq at least as high.
    } finally {
      this.#inFlight.delete(conversationId);
    }
    const next = this.#waiting.get(conversationId);
    this.#waiting.delete(conversationId);
    if (next !== undefined) this.read(conversationId, next);
  }
}
