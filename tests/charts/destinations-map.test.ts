import { expect, it } from "vitest";
import { chartContract } from "../support/chart-contract";
import { parseSvg } from "../support/svg";

const chart = chartContract("destinations-map", { kind: "map" });

it.each(["wide", "narrow"] as const)("destinations-map (%s): one titled shape per police force area, naming its value or the gap", (variant) => {
  const shapes = [...parseSvg(chart.svg[variant]).querySelectorAll('g[data-mark="geo"] path')].filter((p) => p.querySelector("title"));
  expect(shapes).toHaveLength(43);
  const titles = shapes.map((p) => p.querySelector("title")!.textContent!);
  expect(titles).toContain("Norfolk: 416 (reported by several outlets quoting the same figures)");
  // Sussex's fourth place is confirmed by City Hall in 2019-09-18-c1 (P2), so it carries no † mark; its count was not found.
  expect(titles).toContain("Sussex: no figure found (confirmed in a primary source)");
  expect(titles).toContain("Kent: no figure found");
  expect(titles.filter((t) => t.endsWith("London, where the lines start"))).toHaveLength(2);
});

it("destinations-map: draws one line from London per area with a published count, widest for the largest", () => {
  const svg = parseSvg(chart.svg.wide);
  const [solid, dashed] = [...svg.querySelectorAll('g[data-mark="link"]')].slice(0, 2).map((g) => [...g.querySelectorAll("path")]);
  expect(solid!.length + dashed!.length).toBe(8); // nine areas listed, Sussex has no count
  expect(dashed).toHaveLength(1); // Essex, disputed
  expect(svg.querySelectorAll('g[data-mark="link"]')[1]!.getAttribute("stroke-dasharray")).toBe("5,3");
  const widths = solid!.map((l) => Number(l.getAttribute("stroke-width")));
  expect(Math.max(...widths)).toBe(widths[0]); // Norfolk, 416, comes first
  expect(widths[0]! / Math.min(...widths)).toBeCloseTo(416 / 47, 1); // widths proportional to counts
});

it("destinations-map: the description names the top areas with their counts", () => {
  expect(chart.description).toContain("1. Norfolk: 416; 2. Hampshire: 369 (one outlet only); 3. Essex: 336 (sources disagree); 4. Sussex: no figure found");
  expect(chart.description).toContain("5. Thames Valley: 251");
  expect(chart.description).toContain("6. Suffolk: 238");
});

it("destinations-map: labels the ranked areas by name on the wide map and by rank on the narrow one", () => {
  const texts = (variant: "wide" | "narrow") => [...parseSvg(chart.svg[variant]).querySelectorAll("text")].map((t) => t.textContent);
  expect(texts("wide")).toEqual(
    expect.arrayContaining(["London", "Norfolk 416", "Hampshire 369†", "Essex 336‡", "Sussex (no count)", "Thames Valley 251†", "Suffolk 238"]),
  );
  expect(texts("narrow")).toEqual(expect.arrayContaining(["London", "1", "2", "3", "4", "5", "6"]));
  expect(chart.numberedKey).toEqual(["Norfolk 416", "Hampshire 369†", "Essex 336‡", "Sussex (no count)", "Thames Valley 251†", "Suffolk 238"]);
});
