import { describe, expect, it } from "vitest";
import {
  attachmentKind,
  attachmentsOf,
  humanSize,
  previewBox,
  step,
  typeLabel,
} from "./attachments";
import type { Upload } from "./types";

const upload = (id: string, extra: Partial<Upload> = {}): Upload =>
  ({
    id,
    filename: `${id}.png`,
    content_type: "image/png",
    byte_size: 2048,
    ...extra,
  }) as Upload;

describe("attachmentsOf", () => {
  it("shows a message's attachments, and none once it is deleted", () => {
    const files = [upload("upl_1"), upload("upl_2")];
    expect(attachmentsOf({ attachments: files })).toEqual(files);
    expect(attachmentsOf({ attachments: files, deleted_at: "2026-01-01T00:00:00Z" })).toEqual([]);
    expect(attachmentsOf({})).toEqual([]);
  });
});

describe("attachmentKind", () => {
  it("shows the browser-safe image formats inline and plays video and audio", () => {
    expect(attachmentKind("image/png")).toBe("image");
    expect(attachmentKind("image/JPEG")).toBe("image");
    expect(attachmentKind("image/webp")).toBe("image");
    expect(attachmentKind("video/mp4")).toBe("video");
    expect(attachmentKind("audio/ogg; codecs=opus")).toBe("audio");
  });

  it("offers SVG, HTML and everything else as a file to download", () => {
    expect(attachmentKind("image/svg+xml")).toBe("file");
    expect(attachmentKind("text/html")).toBe("file");
    expect(attachmentKind("application/pdf")).toBe("file");
    expect(attachmentKind("")).toBe("file");
  });
});

describe("humanSize", () => {
  it("reads like a file manager", () => {
    expect(humanSize(0)).toBe("0 B");
    expect(humanSize(512)).toBe("512 B");
    expect(humanSize(1536)).toBe("1.5 KB");
    expect(humanSize(200 * 1024)).toBe("200 KB");
    expect(humanSize(18 * 1024 * 1024 + 1)).toBe("18 MB");
    expect(humanSize(64 * 1024 * 1024)).toBe("64 MB");
    expect(humanSize(3.25 * 1024 ** 3)).toBe("3.3 GB");
  });

  it("does not say 1024 KB when it means 1 MB", () => {
    expect(humanSize(1024 * 1024 - 10)).toBe("1 MB");
  });
});

describe("typeLabel", () => {
  it("names common types and falls back to the extension", () => {
    expect(typeLabel("application/pdf", "spec.pdf")).toBe("PDF");
    expect(typeLabel("image/png", "a.png")).toBe("PNG image");
    expect(typeLabel("video/mp4", "clip.mp4")).toBe("MP4 video");
    expect(typeLabel("audio/x-wav", "beep.wav")).toBe("WAV audio");
    expect(typeLabel("application/octet-stream", "dump.tar")).toBe("TAR");
    expect(typeLabel("application/octet-stream", "README")).toBe("File");
  });
});

describe("previewBox", () => {
  it("scales a big picture down to fit, keeping its shape", () => {
    expect(previewBox(1920, 1080)).toEqual({ width: 360, height: 203 });
    expect(previewBox(1000, 2000)).toEqual({ width: 120, height: 240 });
  });

  it("never scales a small picture up", () => {
    expect(previewBox(40, 30)).toEqual({ width: 40, height: 30 });
  });

  it("reserves a placeholder box when the size is unknown", () => {
    expect(previewBox(undefined, undefined)).toEqual({ width: 240, height: 160 });
    expect(previewBox(0, 10)).toEqual({ width: 240, height: 160 });
  });
});

describe("step", () => {
  it("wraps around at both ends", () => {
    expect(step(0, 1, 3)).toBe(1);
    expect(step(2, 1, 3)).toBe(0);
    expect(step(0, -1, 3)).toBe(2);
    expect(step(0, 1, 0)).toBe(0);
  });
});
