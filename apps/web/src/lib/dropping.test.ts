import { describe, expect, it } from "vitest";
import { carriesFiles, DragDepth, droppedFiles } from "./dropping";

describe("carriesFiles", () => {
  it("lights up only for a drag that carries files", () => {
    expect(carriesFiles({ types: ["Files"] })).toBe(true);
    expect(carriesFiles({ types: ["text/plain", "text/uri-list"] })).toBe(false);
    expect(carriesFiles(null)).toBe(false);
  });
});

describe("droppedFiles", () => {
  it("answers the dropped files in order, none for a text drop", () => {
    const a = new File(["a"], "a.png");
    const b = new File(["b"], "b.txt");
    expect(droppedFiles({ types: ["Files"], files: [a, b] }).map((f) => f.name)).toEqual([
      "a.png",
      "b.txt",
    ]);
    expect(droppedFiles({ types: ["text/plain"], files: [] })).toEqual([]);
  });
});

describe("DragDepth", () => {
  it("stays inside while the pointer crosses child elements, and leaves at the last dragleave", () => {
    const depth = new DragDepth();
    depth.enter(); // the zone
    depth.enter(); // a message row inside it
    expect(depth.leave()).toBe(true); // left the zone for the row
    expect(depth.leave()).toBe(false); // left the zone for good
    expect(depth.leave()).toBe(false); // a stray extra dragleave does not go negative
    depth.enter();
    expect(depth.leave()).toBe(false);
  });
});
