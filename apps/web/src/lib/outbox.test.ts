import { describe, expect, it } from "vitest";
import { deliveryAfter, Outbox, outboxKey, type Delivery, type OutboxEntry } from "./outbox";
import { MemoryStore } from "./persisted";

/**
 * Stands in for the network and the server's nonce rule: while `up` it stores each nonce once (a
 * repeat is answered like the server's 200 with the original); while down nothing arrives.
 */
class FakeServer {
  up = true;
  reject = new Set<string>();
  stored: string[] = [];
  attempts: string[] = [];
  inFlight = new Map<string, number>();
  maxInFlightPerNonce = 0;
  #gates: Array<() => void> = [];
  hold = false;

  deliver = async (e: OutboxEntry): Promise<Delivery> => {
    this.attempts.push(e.body);
    const n = (this.inFlight.get(e.nonce) ?? 0) + 1;
    this.inFlight.set(e.nonce, n);
    this.maxInFlightPerNonce = Math.max(this.maxInFlightPerNonce, n);
    try {
      if (this.hold) await new Promise<void>((open) => this.#gates.push(open));
      if (!this.up) throw new TypeError("Failed to fetch");
      if (this.reject.has(e.body)) return "rejected";
      if (!this.stored.includes(e.nonce)) this.stored.push(e.nonce);
      return "sent";
    } finally {
      this.inFlight.set(e.nonce, (this.inFlight.get(e.nonce) ?? 1) - 1);
    }
  };

  release(): void {
    this.hold = false;
    for (const open of this.#gates.splice(0)) open();
  }
}

let seq = 0;
function entry(body: string, over: Partial<OutboxEntry> = {}): Omit<OutboxEntry, "state"> {
  seq++;
  return {
    nonce: `n${seq}`,
    channelId: "chn_1",
    rootId: null,
    body,
    createdAt: new Date(seq * 1000).toISOString(),
    ...over,
  };
}

describe("outbox", () => {
  it("keeps a message before its request leaves and forgets it once the server has it", async () => {
    const store = new MemoryStore();
    const server = new FakeServer();
    let keptDuringRequest: string[] = [];
    const outbox = new Outbox("usr_me", "wsp_1", store, async (e) => {
      keptDuringRequest = new Outbox("usr_me", "wsp_1", store, server.deliver)
        .entries()
        .map((x) => x.body);
      return server.deliver(e);
    });
    expect(await outbox.send(entry("hello"))).toBe("sent");
    expect(keptDuringRequest).toEqual(["hello"]);
    expect(outbox.entries()).toEqual([]);
    expect(store.getItem(outboxKey("usr_me", "wsp_1"))).toBeNull();
  });

  it("keeps an unsent message across a reload and resends it once, under its nonce", async () => {
    const store = new MemoryStore();
    const server = new FakeServer();
    server.up = false;
    const before = new Outbox("usr_me", "wsp_1", store, server.deliver);
    const e = entry("typed while the server was down");
    expect(await before.send(e)).toBe("offline");
    expect(before.inChannel("chn_1").map((x) => x.state)).toEqual(["queued"]);

    // A new page: a fresh Outbox over the same storage.
    server.up = true;
    const after = new Outbox("usr_me", "wsp_1", store, server.deliver);
    expect(after.entries().map((x) => x.body)).toEqual(["typed while the server was down"]);
    await after.flush();
    await after.flush();
    expect(server.stored).toEqual([e.nonce]);
    expect(after.entries()).toEqual([]);
  });

  it("keeps a message's files across a reload, so the resend still attaches them", async () => {
    const store = new MemoryStore();
    const server = new FakeServer();
    server.up = false;
    const file = {
      id: "upl_01JABCDEFGHJKMNPQRSTVWXYZ0",
      workspace_id: "wsp_1",
      owner_id: "usr_me",
      filename: "reef.png",
      content_type: "image/png",
      byte_size: 10,
      sha256: "0".repeat(64),
      url: "/api/uploads/upl_01JABCDEFGHJKMNPQRSTVWXYZ0",
      created_at: "2026-01-01T00:00:00Z",
    };
    await new Outbox("usr_me", "wsp_1", store, server.deliver).send(
      entry("with a picture", { attachments: [file] }),
    );
    server.up = true;
    const resent: OutboxEntry[] = [];
    const after = new Outbox("usr_me", "wsp_1", store, (e) => {
      resent.push(e);
      return server.deliver(e);
    });
    await after.flush();
    expect(resent.map((e) => e.attachments?.map((u) => u.id))).toEqual([[file.id]]);
  });

  it("resends oldest first and stops at the first message that finds the server still away", async () => {
    const server = new FakeServer();
    server.up = false;
    const outbox = new Outbox("usr_me", "wsp_1", new MemoryStore(), server.deliver);
    await outbox.send(entry("one"));
    await outbox.send(entry("two"));
    await outbox.send(entry("three"));
    server.attempts = [];

    await outbox.flush();
    expect(server.attempts).toEqual(["one"]);

    server.up = true;
    await outbox.flush();
    expect(server.attempts).toEqual(["one", "one", "two", "three"]);
    expect(outbox.entries()).toEqual([]);
  });

  it("does not resend a refused message by itself, but does when the user retries it", async () => {
    const server = new FakeServer();
    server.reject.add("refused");
    const outbox = new Outbox("usr_me", "wsp_1", new MemoryStore(), server.deliver);
    const e = entry("refused");
    expect(await outbox.send(e)).toBe("rejected");
    expect(outbox.entries().map((x) => x.state)).toEqual(["rejected"]);

    await outbox.flush();
    expect(server.attempts).toEqual(["refused"]);

    server.reject.clear();
    expect(await outbox.retry(e.nonce)).toBe("sent");
    expect(outbox.entries()).toEqual([]);
  });

  it("forgets a discarded message, even one discarded while its request was in flight", async () => {
    const server = new FakeServer();
    server.up = false;
    const outbox = new Outbox("usr_me", "wsp_1", new MemoryStore(), server.deliver);
    const a = entry("discard me");
    await outbox.send(a);
    outbox.discard(a.nonce);
    expect(outbox.entries()).toEqual([]);

    server.hold = true;
    const b = entry("discarded mid-flight");
    const pending = outbox.send(b);
    outbox.discard(b.nonce);
    server.release();
    expect(await pending).toBe("offline");
    expect(outbox.entries()).toEqual([]);
  });

  it("never has two requests for one message in flight, when a resend and a new send overlap", async () => {
    const server = new FakeServer();
    server.up = false;
    const outbox = new Outbox("usr_me", "wsp_1", new MemoryStore(), server.deliver);
    await outbox.send(entry("old"));
    server.attempts = [];
    server.up = true;
    server.hold = true;
    const flushing = outbox.flush();
    const fresh = outbox.send(entry("new"));
    const again = outbox.flush();
    server.release();
    await Promise.all([flushing, fresh, again]);
    expect(server.maxInFlightPerNonce).toBe(1);
    expect(server.stored.length).toBe(2);
    expect(server.attempts).toEqual(["old", "new"]);
    expect(outbox.entries()).toEqual([]);
  });

  it("keeps each user's and workspace's outbox apart, and thread replies apart from the timeline", async () => {
    const store = new MemoryStore();
    const server = new FakeServer();
    server.up = false;
    const mine = new Outbox("usr_me", "wsp_1", store, server.deliver);
    await mine.send(entry("root"));
    await mine.send(entry("reply", { rootId: "msg_root" }));
    expect(mine.inChannel("chn_1").map((e) => e.body)).toEqual(["root"]);
    expect(mine.inThread("msg_root").map((e) => e.body)).toEqual(["reply"]);
    expect(new Outbox("usr_other", "wsp_1", store, server.deliver).entries()).toEqual([]);
    expect(new Outbox("usr_me", "wsp_2", store, server.deliver).entries()).toEqual([]);
  });

  it("ignores storage it cannot read instead of failing", () => {
    const store = new MemoryStore();
    const server = new FakeServer();
    store.setItem(outboxKey("usr_me", "wsp_1"), "{not json");
    expect(new Outbox("usr_me", "wsp_1", store, server.deliver).entries()).toEqual([]);
    store.setItem(outboxKey("usr_me", "wsp_1"), JSON.stringify([{ nonce: 1 }, "x", null]));
    expect(new Outbox("usr_me", "wsp_1", store, server.deliver).entries()).toEqual([]);
  });

  it("still works in memory when the browser gives it no storage", async () => {
    const server = new FakeServer();
    server.up = false;
    const outbox = new Outbox("usr_me", "wsp_1", null, server.deliver);
    await outbox.send(entry("kept in memory"));
    server.up = true;
    await outbox.flush();
    expect(server.stored.length).toBe(1);
  });
});

describe("what a failed request means for a message", () => {
  it("resends after no answer, a server error or rate limiting; waits for the user after a 4xx", () => {
    for (const status of [0, 401, 408, 429, 500, 502, 503])
      expect(deliveryAfter(status)).toBe("offline");
    for (const status of [400, 403, 404, 409, 413]) expect(deliveryAfter(status)).toBe("rejected");
  });
});
