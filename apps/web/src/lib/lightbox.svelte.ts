// Which pictures the lightbox shows, and which one: clicking a preview in any message opens it with
// that message's images (arrows step through them). One lightbox for the whole shell, loaded on first use.

import type { Upload } from "./types";

export const lightbox = $state<{ images: readonly Upload[]; index: number }>({
  images: [],
  index: 0,
});

export function showImages(images: readonly Upload[], index: number): void {
  lightbox.images = images;
  lightbox.index = index;
}

export function closeLightbox(): void {
  lightbox.images = [];
  lightbox.index = 0;
}
