import { expect, it } from "vitest";
import { renderChart } from "../../src/figures/render-chart";
import { chartContract } from "../support/chart-contract";
import { YEAR_1_PINS, YEAR_1_DESTINATIONS } from "../support/expected-rows";
import { expectSvgSnapshot, parseSvg } from "../support/svg";

const chart = chartContract("destinations-map", {
  kind: "map",
  versions: YEAR_1_PINS,
  rows: YEAR_1_DESTINATIONS,
});

it("destinations-map: one titled shape per police force area, naming its value or the gap", () => {
  const shapes = [...parseSvg(chart.svg.wide).querySelectorAll('g[data-mark="geo"] path')].filter((p) => p.querySelector("title"));
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

/** The texts of one label layer ("wide-only" or "narrow-only"). */
const layer = (svg: string, name: string) => [...parseSvg(svg).querySelectorAll(`g.${name} text`)].map((t) => t.textContent);

it("destinations-map: one SVG with names for wide columns and, hidden unless CSS shows them, numbers for narrow ones", () => {
  expect(chart.svg.narrow).toBeUndefined();
  expect(layer(chart.svg.wide, "wide-only")).toEqual(
    expect.arrayContaining(["London", "Norfolk 416", "Hampshire 369†", "Essex 336‡", "Sussex (no count)", "Thames Valley 251†", "Suffolk 238"]),
  );
  expect(layer(chart.svg.wide, "narrow-only").sort()).toEqual(["1", "2", "3", "4", "5", "6", "London"]);
  // Without the site's CSS (a PNG, a download), the narrow labels stay hidden.
  const narrowGroups = [...parseSvg(chart.svg.wide).querySelectorAll("g.narrow-only")];
  expect(narrowGroups.length).toBe(2);
  for (const g of narrowGroups) expect(g.getAttribute("display")).toBe("none");
  // In Year 1 every labelled area is ranked, so the key's numbers are the ranks.
  expect(chart.numberedKey).toEqual(["Norfolk 416", "Hampshire 369†", "Essex 336‡", "Sussex (no count)", "Thames Valley 251†", "Suffolk 238"]);
  expect(chart.caveat).toBeUndefined();
});

it("destinations-map: boundaries are drawn to the whole unit, in relative moves", () => {
  const d = [...parseSvg(chart.svg.wide).querySelectorAll('g[data-mark="geo"] path')].map((p) => p.getAttribute("d")!);
  expect(d.length).toBeGreaterThan(40);
  for (const path of d) expect(path).toMatch(/^M-?\d+,-?\d+(l-?\d+,?-?\d+|z|M-?\d+,-?\d+)*$/);
});

// Year 2, as the Year 2 story pins it (data 2020-09-30-c1, compared with 2019-09-18-c1).
const year2 = renderChart("destinations-map", { versions: { "rescue-and-response": "2020-09-30-c1" }, compare: { "rescue-and-response": "2019-09-18-c1" } });

it("destinations-map at Year 2: Hampshire 413, Norfolk 198 and Suffolk 113 shaded and labelled, every other area shown as no figure", async () => {
  await expectSvgSnapshot("destinations-map-2020-09-30-c1", year2.svg.wide);
  const titles = [...parseSvg(year2.svg.wide).querySelectorAll('g[data-mark="geo"] path title')].map((t) => t.textContent!);
  expect(titles).toHaveLength(43);
  expect(titles).toContain("Hampshire: 413 (reported by one outlet only; not confirmed in a primary source)");
  expect(titles).toContain("Norfolk: 198 (reported by one outlet only; not confirmed in a primary source)");
  expect(titles).toContain("Suffolk: 113 (reported by one outlet only; not confirmed in a primary source)");
  // 43 areas: London's two, the three with a count, and 38 with no figure found.
  expect(titles.filter((t) => t.endsWith(": no figure found"))).toHaveLength(38);
  expect(layer(year2.svg.wide, "wide-only").sort()).toEqual(["Hampshire 413†", "London", "Norfolk 198†", "Suffolk 113†"]);
  expect(layer(year2.svg.wide, "narrow-only").sort()).toEqual(["1", "2", "3", "London"]);
  // Norfolk and Suffolk have no published rank: the key says so, so "2" is not read as second place.
  expect(year2.numberedKey).toEqual(["Hampshire 413†", "Norfolk 198† (no rank found)", "Suffolk 113† (no rank found)"]);
  expect(year2.description).toContain("Ranked destinations: 1. Hampshire: 413 (one outlet only). Also published: Norfolk 198, Suffolk 113.");
  // No area is ranked without a count in Year 2, and none is disputed: the key leaves those out.
  expect(year2.legend.map((l) => l.label)).not.toContain("Ranked, no count found");
  expect(year2.legend.map((l) => l.label).join(" ")).not.toMatch(/disagree/);
});

it("destinations-map at Year 2, in a story comparing with Year 1: the not-like-for-like caveat is in the figure", () => {
  expect(year2.caveat?.brief).toBe("Year 1 covered 15 months; Year 2 covered 12 months.");
  expect(year2.caveat?.full).toBe(
    "Year 1 covered 15 months (1 January 2018 to 31 March 2019); Year 2 covered 12 months (1 May 2019 to 30 April 2020). In January 2020 the collection of Metropolitan Police county lines intelligence passed from Rescue and Response to the Metropolitan Police, and the analysis also drew on the National County Lines Coordination Centre's database. The assessment warns that this affects direct comparisons with Year 1. Read this map and Year 1's as two separate counts, not as a trend.",
  );
  // Without a comparison, no caveat: the same version alone.
  expect(renderChart("destinations-map", { versions: { "rescue-and-response": "2020-09-30-c1" } }).caveat).toBeUndefined();
});
