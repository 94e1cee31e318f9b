// The favicon with a count on it, drawn on a canvas: the lobster from favicon.svg with a coral badge in
// the corner, so a pinned tab or a row of tabs shows that something is waiting. The original icon comes
// back when the count is 0.

import { badgeLabel } from "./attention-count";

const SIZE = 64;
const BADGE_COLOR = "#d6462f";

export class FaviconBadge {
  #link: HTMLLinkElement | null = null;
  #original = { href: "", type: "" };
  #image: Promise<HTMLImageElement | null> | null = null;
  #label = "";

  /** Shows `count` on the icon (nothing for 0). */
  set(count: number): void {
    const label = badgeLabel(count);
    if (label === this.#label) return;
    this.#label = label;
    const link = this.#icon();
    if (!link) return;
    link.dataset.count = label;
    if (!label) {
      link.type = this.#original.type;
      link.href = this.#original.href;
      return;
    }
    void this.#base().then((image) => {
      if (this.#label !== label) return; // a newer count won the race
      const url = draw(image, label);
      if (url) {
        link.type = "image/png";
        link.href = url;
      }
    });
  }

  /** Puts the plain icon back (leaving the app). */
  reset(): void {
    this.set(0);
  }

  #icon(): HTMLLinkElement | null {
    if (!this.#link) {
      this.#link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
      if (this.#link) {
        this.#original = { href: this.#link.href, type: this.#link.type };
        this.#link.dataset.original = this.#link.href; // notifications use the plain icon
      }
    }
    return this.#link;
  }

  #base(): Promise<HTMLImageElement | null> {
    this.#image ??= new Promise((resolve) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => resolve(null); // the badge alone is still worth showing
      img.src = this.#original.href;
    });
    return this.#image;
  }
}

function draw(image: HTMLImageElement | null, label: string): string | null {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = SIZE;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  if (image) ctx.drawImage(image, 0, 0, SIZE, SIZE);
  const r = label.length > 1 ? 20 : 17;
  const cx = SIZE - r;
  const cy = SIZE - r;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fillStyle = BADGE_COLOR;
  ctx.fill();
  ctx.lineWidth = 4;
  ctx.strokeStyle = "#ffffff";
  ctx.stroke();
  ctx.fillStyle = "#ffffff";
  ctx.font = `bold ${label.length > 1 ? 22 : 26}px system-ui, sans-serif`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(label, cx, cy + 1);
  return canvas.toDataURL("image/png");
}
