import { expect, it } from "vitest";
import { parseSvg } from "../support/svg";
import { chartContract } from "../support/chart-contract";
import { YEAR_1_PINS } from "../support/expected-rows";

const chart = chartContract("boroughs", {
  versions: YEAR_1_PINS,
  rows: ["boroughs/lambeth-linked", "boroughs/newham-linked", "boroughs/croydon-linked"],
});

it("boroughs: states Lambeth's count and Newham's and Croydon's ranges", () => {
  expect(chart.description).toContain("Lambeth: 271");
  expect(chart.description).toContain("Newham: 200–300");
  expect(chart.description).toContain("Croydon: 200–300");
});

it("boroughs: draws a range as a span from 200 to 300, not a bar from zero", () => {
  const svg = parseSvg(chart.svg.wide);
  const ranges = [...svg.querySelectorAll('g[data-mark="bar"][fill-opacity="0.3"] rect')];
  expect(ranges).toHaveLength(2);
  const zero = Number(svg.querySelector('g[data-mark="rule"] line')!.getAttribute("x1"));
  for (const rect of ranges) expect(Number(rect.getAttribute("x"))).toBeGreaterThan(zero + 10);
});
