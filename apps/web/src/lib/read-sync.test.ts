import { describe, expect, it } from "vitest";
import { ReadSync } from "./read-sync";

/** A send whose answers the test releases one by one. */
function controlled() {
  const calls: { id: string; seq: number; done: (ok: boolean) => void }[] = [];
  const sync = new ReadSync(
    (id, seq) =>
      new Promise((resolve, reject) =>
        calls.push({ id, seq, done: (ok) => (ok ? resolve(undefined) : reject(new Error("x"))) }),
      ),
  );
  return { sync, calls };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("ReadSync", () => {
  it("keeps one request in flight and sends only the newest seq read meanwhile", async () => {
    const { sync, calls } = controlled();
    sync.read("chn_a", 3);
    sync.read("chn_a", 4);
    sync.read("chn_a", 6);
    sync.read("chn_a", 5);
    expect(calls.map((c) => c.seq)).toEqual([3]);
    calls[0]!.done(true);
    await settle();
    expect(calls.map((c) => c.seq)).toEqual([3, 6]);
    calls[1]!.done(true);
    await settle();
    sync.read("chn_a", 6);
    expect(calls).toHaveLength(2);
  });

  it("handles conversations independently and tries again after a failure", async () => {
    const { sync, calls } = controlled();
    sync.read("chn_a", 1);
    sync.read("dm_b", 9);
    expect(calls.map((c) => `${c.id}:${c.seq}`)).toEqual(["chn_a:1", "dm_b:9"]);
    calls[0]!.done(false);
    await settle();
    sync.read("chn_a", 1);
    expect(calls.map((c) => `${c.id}:${c.seq}`)).toEqual(["chn_a:1", "dm_b:9", "chn_a:1"]);
  });
});
