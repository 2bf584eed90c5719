import { expect, it } from "vitest";
import { relativePath } from "../../src/render/relative-path";

/** Turns relative M/l/z path data back into absolute points, to compare with the input. */
function absolutePoints(d: string): number[][] {
  const points: number[][] = [];
  let x = 0;
  let y = 0;
  for (const [, c, args] of d.matchAll(/([MLlZz])([^MLlZz]*)/g)) {
    if (c === "Z" || c === "z") continue;
    const [a, b] = (args!.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    if (c === "l") [x, y] = [x + a!, y + b!];
    else [x, y] = [a!, b!];
    points.push([Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
  }
  return points;
}

it("relativePath(d) draws the same points, rounded to a tenth, in fewer bytes", () => {
  const d = "M100.26,200.04L101.5,199.96L150.55,180.1L100.26,200.04ZM10,10L20,10L20,20Z";
  const out = relativePath(d);
  expect(out).toBe("M100.3,200l1.2,0l49.1-19.9l-50.3,19.9zM10,10l10,0l0,10z"); // a minus sign separates numbers without a comma
  expect(out.length).toBeLessThan(d.length);
  expect(absolutePoints(out)).toEqual([
    [100.3, 200],
    [101.5, 200],
    [150.6, 180.1],
    [100.3, 200],
    [10, 10],
    [20, 10],
    [20, 20],
  ]);
});

it("relativePath(d) leaves paths with other commands untouched", () => {
  expect(relativePath("M0,0C1,1,2,2,3,3")).toBe("M0,0C1,1,2,2,3,3");
});
