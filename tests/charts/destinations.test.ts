import { expect, it } from "vitest";
import { parseSvg } from "../support/svg";
import { chartContract } from "../support/chart-contract";
import { YEAR_1_PINS, YEAR_1_DESTINATIONS } from "../support/expected-rows";

const chart = chartContract("destinations", {
  versions: YEAR_1_PINS,
  rows: YEAR_1_DESTINATIONS,
});

it("destinations: names the top areas with their counts and Sussex as not published", () => {
  expect(chart.description).toContain("Norfolk (ranked 1): 416");
  expect(chart.description).toContain("Hampshire (ranked 2): 369 (one outlet only)");
  expect(chart.description).toContain("Essex (ranked 3): 336 (sources disagree)");
  expect(chart.description).toContain("Sussex (ranked 4): no figure found");
});

it("destinations: keeps Sussex in its published 4th place with no bar", () => {
  expect(chart.table.rows.map((r) => r[0]).slice(0, 5)).toEqual(["1. Norfolk", "2. Hampshire", "3. Essex", "4. Sussex", "5. Thames Valley"]);
  const svg = parseSvg(chart.svg.wide);
  const titles = [...svg.querySelectorAll('g[data-mark="bar"] rect title')].map((t) => t.textContent);
  // Eight bars: every area but Sussex, whose count was not published.
  expect(titles).toHaveLength(chart.table.rows.length - 1);
  expect(titles.filter((t) => t?.startsWith("4. Sussex"))).toEqual([]);
  expect([...svg.querySelectorAll("text")].filter((t) => t.textContent === "no figure found")).toHaveLength(1);
});

it("destinations: marks single-source and disputed values in the chart itself", () => {
  const texts = [...parseSvg(chart.svg.wide).querySelectorAll("text")].map((t) => t.textContent);
  expect(texts).toContain("369†");
  expect(texts).toContain("336‡");
  expect(texts).toContain("416");
});
