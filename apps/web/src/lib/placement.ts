// Where floating bits (the message toolbar) may go without being clipped by a scroll container.

/** The top edge, in viewport pixels, of the nearest ancestor that clips `el` (a scroll container). */
export function clipTop(el: Element): number {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (overflow !== "visible") return p.getBoundingClientRect().top + p.clientTop;
  }
  return 0;
}

/**
 * The `top` (relative to its row) for a toolbar that normally floats `preferred` px above the row's top
 * edge: the preferred spot when it fits below the clipping edge, else pushed down just inside it.
 */
export function toolbarTop(rowTop: number, edgeTop: number, preferred: number, gap = 4): number {
  return Math.max(preferred, edgeTop + gap - rowTop);
}
