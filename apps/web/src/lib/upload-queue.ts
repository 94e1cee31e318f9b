// The files waiting under one composer: each uploads as soon as it is added (so it is usually done by the
// time the message is written), shows its progress, can be cancelled, and on failure says why and can be
// tried again. Sending the message takes the finished uploads (their ids go in `upload_ids`).
//
// Plain TypeScript with the transfer passed in: the composer gives it the XMLHttpRequest transfer
// (lib/upload-transfer.ts); the unit tests give it one they drive by hand.

import type { Upload } from "./types";
import { humanSize } from "./attachments";

export type UploadStatus = "uploading" | "done" | "failed";

export interface UploadItem {
  /** Stable per added file (the chip's key), also across retries. */
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly type: string;
  readonly status: UploadStatus;
  /** Bytes sent so far (of `size`) while uploading. */
  readonly loaded: number;
  /** Why it failed, in words for the chip. */
  readonly error?: string;
  readonly upload?: Upload;
}

/** Sends one file; reports progress; rejects with `{status, message}` (status 0: no answer). */
export type Transfer = (
  file: File,
  onProgress: (loaded: number, total: number) => void,
  signal: AbortSignal,
) => Promise<Upload>;

export interface UploadQueueOptions {
  transfer: Transfer;
  onChange: (items: readonly UploadItem[]) => void;
  /** The server's limit in bytes, when known: a bigger file fails at once instead of after uploading. */
  maxBytes?: number;
}

let counter = 0;

export class UploadQueue {
  #items: readonly UploadItem[] = [];
  readonly #files = new Map<string, File>();
  readonly #aborts = new Map<string, AbortController>();
  readonly #options: UploadQueueOptions;

  constructor(options: UploadQueueOptions) {
    this.#options = options;
  }

  get items(): readonly UploadItem[] {
    return this.#items;
  }

  /** True while any file is still on its way. */
  get busy(): boolean {
    return this.#items.some((i) => i.status === "uploading");
  }

  /** A failed file must be retried or removed before the message goes (it would silently go without it). */
  get blocked(): boolean {
    return this.#items.some((i) => i.status === "failed");
  }

  /** The finished uploads, in the order they were added. */
  get ready(): Upload[] {
    return this.#items.flatMap((i) => (i.status === "done" && i.upload ? [i.upload] : []));
  }

  add(files: Iterable<File>): void {
    for (const file of files) {
      const key = `f${++counter}`;
      this.#files.set(key, file);
      this.#items = [
        ...this.#items,
        {
          key,
          name: file.name || "pasted file",
          size: file.size,
          type: file.type,
          status: "uploading",
          loaded: 0,
        },
      ];
      this.#start(key);
    }
    this.#changed();
  }

  retry(key: string): void {
    const item = this.#items.find((i) => i.key === key);
    if (!item || item.status !== "failed") return;
    this.#patch(key, { status: "uploading", loaded: 0, error: undefined });
    this.#start(key);
  }

  /** Stops an upload in flight, or drops a finished or failed one from the message. */
  remove(key: string): void {
    this.#aborts.get(key)?.abort();
    this.#aborts.delete(key);
    this.#files.delete(key);
    this.#items = this.#items.filter((i) => i.key !== key);
    this.#changed();
  }

  /** Hands the finished uploads to the message being sent and empties the tray. */
  take(): Upload[] {
    const ready = this.ready;
    for (const item of this.#items) this.remove(item.key);
    return ready;
  }

  /** The composer went away: nothing keeps uploading for a message that cannot be sent. */
  dispose(): void {
    for (const controller of this.#aborts.values()) controller.abort();
    this.#aborts.clear();
  }

  #start(key: string): void {
    const file = this.#files.get(key);
    if (!file) return;
    const max = this.#options.maxBytes;
    if (max && file.size > max) {
      this.#patch(key, {
        status: "failed",
        error: `Too large: ${humanSize(file.size)}; the limit is ${humanSize(max)}.`,
      });
      return;
    }
    const controller = new AbortController();
    this.#aborts.set(key, controller);
    this.#options
      .transfer(
        file,
        (loaded) => {
          if (!controller.signal.aborted) this.#patch(key, { loaded });
        },
        controller.signal,
      )
      .then(
        (upload) => {
          if (controller.signal.aborted) return;
          this.#aborts.delete(key);
          this.#patch(key, { status: "done", loaded: file.size, upload });
        },
        (err: unknown) => {
          if (controller.signal.aborted) return;
          this.#aborts.delete(key);
          this.#patch(key, { status: "failed", error: failureText(err) });
        },
      );
  }

  #patch(key: string, change: Partial<UploadItem>): void {
    if (!this.#items.some((i) => i.key === key)) return;
    this.#items = this.#items.map((i) => (i.key === key ? { ...i, ...change } : i));
    this.#changed();
  }

  #changed(): void {
    this.#options.onChange(this.#items);
  }
}

/** The chip's words for a failed upload: the server's own message when it sent one. */
export function failureText(err: unknown): string {
  const e = err as { status?: number; message?: string } | undefined;
  const status = e?.status ?? 0;
  if (status === 0)
    return "Upload failed: no answer from the server. Check the connection and retry.";
  if (status === 413) return e?.message || "Too large for this server.";
  return e?.message || `Upload failed (${status}).`;
}
