import { describe, expect, it } from "vitest";
import { failureText, UploadQueue, type UploadItem } from "./upload-queue";
import type { Upload } from "./types";

/** A transfer the test finishes by hand: each started file waits for resolve/reject/progress. */
function manualTransfer() {
  const started: {
    file: File;
    progress: (loaded: number, total: number) => void;
    signal: AbortSignal;
    resolve: (u: Upload) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const transfer = (file: File, progress: (l: number, t: number) => void, signal: AbortSignal) =>
    new Promise<Upload>((resolve, reject) =>
      started.push({ file, progress, signal, resolve, reject }),
    );
  return { started, transfer };
}

const file = (name: string, bytes = 10, type = "image/png") =>
  new File([new Uint8Array(bytes)], name, { type });
const uploaded = (id: string, name: string) =>
  ({ id, filename: name, content_type: "image/png", byte_size: 10 }) as Upload;
const settle = () => new Promise((r) => setTimeout(r, 0));

function queue(maxBytes?: number) {
  const t = manualTransfer();
  let seen: readonly UploadItem[] = [];
  const q = new UploadQueue({
    transfer: t.transfer,
    onChange: (items) => (seen = items),
    maxBytes,
  });
  return { q, t, seen: () => seen };
}

describe("UploadQueue", () => {
  it("starts each file at once and reports its progress", () => {
    const { q, t, seen } = queue();
    q.add([file("a.png", 100), file("b.png", 50)]);
    expect(t.started.map((s) => s.file.name)).toEqual(["a.png", "b.png"]);
    expect(seen().map((i) => [i.name, i.status, i.loaded])).toEqual([
      ["a.png", "uploading", 0],
      ["b.png", "uploading", 0],
    ]);
    t.started[0]!.progress(40, 100);
    expect(seen()[0]!.loaded).toBe(40);
    expect(q.busy).toBe(true);
  });

  it("hands the finished uploads, in the order added, to the message and empties the tray", async () => {
    const { q, t } = queue();
    q.add([file("a.png"), file("b.png")]);
    t.started[1]!.resolve(uploaded("upl_b", "b.png"));
    t.started[0]!.resolve(uploaded("upl_a", "a.png"));
    await settle();
    expect(q.busy).toBe(false);
    expect(q.take().map((u) => u.id)).toEqual(["upl_a", "upl_b"]);
    expect(q.items).toEqual([]);
  });

  it("cancels an upload in flight: the request is aborted and the chip goes", async () => {
    const { q, t, seen } = queue();
    q.add([file("big.png")]);
    const key = seen()[0]!.key;
    q.remove(key);
    expect(t.started[0]!.signal.aborted).toBe(true);
    t.started[0]!.reject(new Error("aborted"));
    await settle();
    expect(seen()).toEqual([]);
    expect(q.ready).toEqual([]);
  });

  it("says why a file failed, blocks sending until it is retried, and retries the same file", async () => {
    const { q, t, seen } = queue();
    q.add([file("a.png")]);
    t.started[0]!.reject({ status: 0, message: "network error" });
    await settle();
    expect(seen()[0]!.status).toBe("failed");
    expect(seen()[0]!.error).toMatch(/no answer from the server/);
    expect(q.blocked).toBe(true);
    q.retry(seen()[0]!.key);
    expect(t.started).toHaveLength(2);
    expect(t.started[1]!.file.name).toBe("a.png");
    expect(seen()[0]!.status).toBe("uploading");
    t.started[1]!.resolve(uploaded("upl_a", "a.png"));
    await settle();
    expect(q.blocked).toBe(false);
    expect(q.ready.map((u) => u.id)).toEqual(["upl_a"]);
  });

  it("shows the server's own words for a file that is too large", async () => {
    const { q, t, seen } = queue();
    q.add([file("huge.bin")]);
    t.started[0]!.reject({ status: 413, message: "upload is larger than the 1 MiB limit" });
    await settle();
    expect(seen()[0]!.error).toBe("upload is larger than the 1 MiB limit");
  });

  it("refuses a file over a known limit before sending a byte", () => {
    const { q, t, seen } = queue(1024);
    q.add([file("huge.bin", 4096)]);
    expect(t.started).toHaveLength(0);
    expect(seen()[0]!.status).toBe("failed");
    expect(seen()[0]!.error).toBe("Too large: 4 KB; the limit is 1 KB.");
  });

  it("ignores a late answer for a file that was removed", async () => {
    const { q, t, seen } = queue();
    q.add([file("a.png")]);
    q.remove(seen()[0]!.key);
    t.started[0]!.resolve(uploaded("upl_a", "a.png"));
    await settle();
    expect(seen()).toEqual([]);
    expect(q.ready).toEqual([]);
  });
});

describe("failureText", () => {
  it("falls back to words when the server said nothing", () => {
    expect(failureText({ status: 413 })).toBe("Too large for this server.");
    expect(failureText({ status: 500, message: "" })).toBe("Upload failed (500).");
    expect(failureText({ status: 403, message: "not a member" })).toBe("not a member");
  });
});
