import { expect, it } from "vitest";
import { chartContract } from "../support/chart-contract";
import { YEAR_1_PINS } from "../support/expected-rows";
import { parseSvg } from "../support/svg";

const chart = chartContract("boroughs-map", {
  kind: "map",
  versions: YEAR_1_PINS,
  rows: [
    "boroughs/lambeth-linked",
    "boroughs/newham-linked",
    "boroughs/croydon-linked",
    "referrals-by-borough/lambeth-referred",
    "referrals-by-borough/newham-referred",
    "referrals-by-borough/croydon-referred",
    "referrals-by-borough/brent-referred",
    "referrals-by-borough/southwark-referred",
    "referrals-by-borough/tower-hamlets-referred",
  ],
});

it.each(["wide", "narrow"] as const)("boroughs-map (%s): one titled shape per borough in each of the two panels", (variant) => {
  const titles = [...parseSvg(chart.svg[variant]!).querySelectorAll('g[data-mark="geo"] path title')].map((t) => t.textContent!);
  expect(titles).toHaveLength(66);
  expect(titles).toContain("Lambeth: 271 (reported by one outlet only; not confirmed in a primary source)");
  expect(titles).toContain("Newham: 200–300 (reported by one outlet only; not confirmed in a primary source)");
  expect(titles).toContain("Brent: 37 (sources give different values; the note says which)");
  expect(titles.filter((t) => t === "City of London: no figure found")).toHaveLength(2);
  expect(titles.filter((t) => t.endsWith("no figure found"))).toHaveLength(66 - 9);
});

it("boroughs-map: writes the published values, keeping ranges as ranges, and circles the City", () => {
  const texts = [...parseSvg(chart.svg.narrow!).querySelectorAll("text")].map((t) => t.textContent);
  expect(texts).toEqual(expect.arrayContaining(["271†", "200–300†", "37‡", "35†", "14†", "City"]));
  expect(texts.filter((t) => t === "200–300†")).toHaveLength(2);
  // The City is too small to see at this scale: each panel rings it.
  for (const svg of Object.values(chart.svg)) expect(parseSvg(svg).querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(2);
});

it("boroughs-map: the description lists every published borough figure in both panels", () => {
  expect(chart.description).toContain(
    "Londoners linked to county lines: Lambeth 271 (one outlet only); Newham 200–300 (one outlet only); Croydon 200–300 (one outlet only)",
  );
  expect(chart.description).toContain("Tower Hamlets 14 (one outlet only)");
});
