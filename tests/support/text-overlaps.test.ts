import { describe, expect, it } from "vitest";
import { intersection, textOverlaps, type TextBox } from "./text-overlaps";

const box = (text: string, left: number, top: number, width: number, height: number, svg = 0): TextBox => ({
  figure: "chart-x",
  svg,
  text,
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe("textOverlaps(boxes) (the browser suite's label-collision check)", () => {
  it("reports two texts drawn over each other, naming the figure, both texts and the shared area", () => {
    expect(textOverlaps([box("37‡", 100, 50, 24, 15), box("35†", 110, 58, 24, 15)])).toEqual(['chart-x: "37‡" × "35†" (14.0 × 7.0 px)']);
  });

  it("lets boxes that touch, or cross by a hairline in one direction, pass", () => {
    // Side by side, edges touching.
    expect(textOverlaps([box("a", 0, 0, 20, 15), box("b", 20, 0, 20, 15)])).toEqual([]);
    // Stacked lines sharing 0.8 px of height across their whole width: not more than a hairline.
    expect(textOverlaps([box("a", 0, 0, 20, 15), box("b", 0, 14.2, 20, 15)])).toEqual([]);
    // A corner shared by 1 × 1 px is still a hairline; 1.5 × 1.5 px is not.
    expect(textOverlaps([box("a", 0, 0, 20, 15), box("b", 19, 14, 20, 15)])).toEqual([]);
    expect(textOverlaps([box("a", 0, 0, 20, 15), box("b", 18.5, 13.5, 20, 15)])).toHaveLength(1);
  });

  it("compares only texts of the same SVG (the narrow and wide renderings of a figure are two)", () => {
    expect(textOverlaps([box("a", 0, 0, 20, 15, 0), box("a", 0, 0, 20, 15, 1)])).toEqual([]);
  });

  it("lists every colliding pair, once each", () => {
    const found = textOverlaps([box("a", 0, 0, 20, 15), box("b", 5, 5, 20, 15), box("c", 10, 10, 20, 15)]);
    expect(found.map((f) => f.slice(9, 18))).toEqual(['"a" × "b"', '"a" × "c"', '"b" × "c"']);
  });

  it("intersection(a, b) is negative when the boxes are apart", () => {
    expect(intersection(box("a", 0, 0, 10, 10), box("b", 30, 0, 10, 10))).toEqual({ width: -20, height: 10 });
  });
});
