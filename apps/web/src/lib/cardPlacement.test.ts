import { describe, expect, it } from "vitest";
import { cardPlacement } from "./cardPlacement";

const view = { width: 1000, height: 800 };
const card = { width: 300, height: 200 };

describe("person card placement", () => {
  it("opens below the name it belongs to", () => {
    expect(cardPlacement({ left: 100, top: 100, width: 60, height: 20 }, card, view)).toEqual({
      left: 100,
      top: 126,
    });
  });

  it("opens above when the name is near the bottom", () => {
    expect(cardPlacement({ left: 100, top: 700, width: 60, height: 20 }, card, view).top).toBe(494);
  });

  it("stays inside the window on the right and on small screens", () => {
    expect(cardPlacement({ left: 900, top: 100, width: 60, height: 20 }, card, view).left).toBe(
      692,
    );
    const phone = cardPlacement({ left: 10, top: 300, width: 60, height: 20 }, card, {
      width: 320,
      height: 400,
    });
    expect(phone.left).toBe(10);
    expect(phone.top + card.height).toBeLessThanOrEqual(400 - 8);
  });
});
