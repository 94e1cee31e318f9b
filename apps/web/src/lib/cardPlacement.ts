// Where a popover card goes next to the element that opened it: below it, or above when there is no room
// below, and always inside the window with a small margin. Pure, so the corner cases are unit-tested.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const MARGIN = 8;
const GAP = 6;

export function cardPlacement(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): { left: number; top: number } {
  const maxLeft = Math.max(MARGIN, viewport.width - card.width - MARGIN);
  const left = Math.min(Math.max(anchor.left, MARGIN), maxLeft);
  const below = anchor.top + anchor.height + GAP;
  const above = anchor.top - GAP - card.height;
  const fitsBelow = below + card.height <= viewport.height - MARGIN;
  const top = fitsBelow || above < MARGIN ? below : above;
  const maxTop = Math.max(MARGIN, viewport.height - card.height - MARGIN);
  return { left, top: Math.min(Math.max(top, MARGIN), maxTop) };
}
