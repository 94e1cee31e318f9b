// What a message's attachments look like: which kind each one is (an inline image, a player, a file
// chip), its size in words people read, the box an image preview takes before it has loaded (so the
// timeline does not jump when it arrives), and the lightbox's arrow-key stepping.

import type { Message, Upload } from "./types";

export type AttachmentKind = "image" | "video" | "audio" | "file";

// Only the formats every browser shows inline; the server serves exactly these with `inline` too
// (everything else, SVG included, is a download).
const INLINE_IMAGES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

/** What a message shows; a deleted message shows none, whatever an old copy still carries. */
export function attachmentsOf(m: Pick<Message, "deleted_at" | "attachments">): readonly Upload[] {
  if (m.deleted_at) return [];
  return m.attachments ?? [];
}

export function attachmentKind(contentType: string): AttachmentKind {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (INLINE_IMAGES.has(type)) return "image";
  if (type.startsWith("video/")) return "video";
  if (type.startsWith("audio/")) return "audio";
  return "file";
}

const UNITS = ["KB", "MB", "GB", "TB"];

/** "512 B", "1.2 KB", "18 MB": one decimal below 10, none above, in binary steps like a file manager. */
export function humanSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "";
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  // 1023.96 KB rounds to 1024 KB: say 1 MB instead.
  if (shown >= 1024 && unit < UNITS.length - 1) return `1 ${UNITS[unit + 1]}`;
  return `${shown} ${UNITS[unit]}`;
}

const TYPE_NAMES: Record<string, string> = {
  "application/pdf": "PDF",
  "application/zip": "ZIP archive",
  "application/gzip": "GZIP archive",
  "application/json": "JSON",
  "text/plain": "Text",
  "text/csv": "CSV",
  "text/html": "HTML",
  "image/svg+xml": "SVG image",
};

/** A short type for a file chip: "PDF", "PNG image", "MP4 video", else the extension or "File". */
export function typeLabel(contentType: string, filename: string): string {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  const known = TYPE_NAMES[type];
  if (known) return known;
  const [group, sub] = type.split("/");
  const name = (sub ?? "").replace(/^x-/, "").split("+")[0]!.toUpperCase();
  if (name && (group === "image" || group === "video" || group === "audio"))
    return `${name} ${group}`;
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(filename)?.[1];
  return ext ? ext.toUpperCase() : "File";
}

/**
 * The box an image preview reserves: the picture's own size scaled down to fit `max`, never up.
 * Without known dimensions a fixed placeholder box, so the row still does not jump much.
 */
export function previewBox(
  width: number | undefined,
  height: number | undefined,
  max = { width: 360, height: 240 },
): { width: number; height: number } {
  if (!width || !height || width <= 0 || height <= 0)
    return { width: Math.min(240, max.width), height: Math.min(160, max.height) };
  const scale = Math.min(1, max.width / width, max.height / height);
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** The lightbox's next picture: arrows wrap around at either end. */
export function step(index: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return (((index + delta) % count) + count) % count;
}
