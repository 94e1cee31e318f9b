import { describe, expect, it } from "vitest";
import { toolbarTop } from "./placement";

describe("toolbar placement", () => {
  it("floats above the row when there is room", () => {
    expect(toolbarTop(300, 50, -14)).toBe(-14);
  });

  it("moves inside the row when the row touches the clipping edge", () => {
    expect(toolbarTop(52, 50, -14)).toBe(2);
  });

  it("follows a row that is partly scrolled out above the edge", () => {
    expect(toolbarTop(20, 50, -14)).toBe(34);
  });
});
