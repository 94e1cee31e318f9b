// The files under one composer, as Svelte state: a thin reactive shell around the upload queue
// (lib/upload-queue.ts, which holds the rules and is unit-tested). A conversation view creates one,
// hands it to its composer and its drop zone, and disposes of it when the view goes.

import { api } from "./api";
import type { Upload } from "./types";
import { UploadQueue, type UploadItem } from "./upload-queue";
import { xhrTransfer } from "./upload-transfer";

export class FileTray {
  items = $state.raw<readonly UploadItem[]>([]);
  readonly #queue: UploadQueue;

  constructor(workspaceId: string) {
    this.#queue = new UploadQueue({
      transfer: xhrTransfer(api.uploadTarget(workspaceId)),
      onChange: (items) => (this.items = items),
    });
  }

  get busy(): boolean {
    return this.items.some((i) => i.status === "uploading");
  }

  get blocked(): boolean {
    return this.items.some((i) => i.status === "failed");
  }

  get hasReady(): boolean {
    return this.items.some((i) => i.status === "done");
  }

  add(files: Iterable<File>): void {
    this.#queue.add(files);
  }

  retry(key: string): void {
    this.#queue.retry(key);
  }

  remove(key: string): void {
    this.#queue.remove(key);
  }

  take(): Upload[] {
    return this.#queue.take();
  }

  dispose(): void {
    this.#queue.dispose();
  }
}
