import { geoCentroid } from "d3-geo";
import { describe, expect, it } from "vitest";
import { getChart } from "../../src/charts";
import { facetSize } from "../../src/charts/map-labels";
import { britishPoints } from "../../src/charts/projection";
import { theme } from "../../src/charts/theme";
import { geographies } from "../../src/data/schema/geographies";
import { catalog } from "../../src/data/versions/catalog";
import { loadDataset } from "../../src/data/versions/load-dataset";
import { standaloneSvg } from "../../src/figures/standalone-svg";
import { darkPalette, inlineColors } from "../../src/render/palette";
import { plotToSvg } from "../../src/render/plot-to-svg";
import { topologyFeatures } from "../../src/render/topology-features";
import { chartContract } from "../support/chart-contract";
import { YEAR_1_PINS } from "../support/expected-rows";
import { estimatedLabelBoxes } from "../support/label-boxes";
import { parseSvg } from "../support/svg";
import { textOverlaps } from "../support/text-overlaps";

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

describe("boroughs-map: labels placed at build time (src/charts/place-labels.ts)", () => {
  /** The City's rings, as boxes in SVG units (radius plus half the stroke). */
  const rings = (markup: string) =>
    [...parseSvg(markup).querySelectorAll('g[data-mark="dot"] g')].map((g) => {
      const [gx, gy] = (/translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute("transform") ?? "") ?? [0, 0, 0]).slice(1).map(Number) as [number, number];
      const c = g.querySelector("circle")!;
      const [x, y, r] = [gx + Number(c.getAttribute("cx")), gy + Number(c.getAttribute("cy")), Number(c.getAttribute("r")) + 0.75];
      return { figure: "ring", svg: 0, text: "○", left: x - r, top: y - r, right: x + r, bottom: y + r };
    });
  /** Every pair of texts (or a text and a ring) whose estimated boxes share any area. */
  const clashes = (markup: string) => textOverlaps([...estimatedLabelBoxes(markup), ...rings(markup)], 0);

  it.each(["wide", "narrow"] as const)("(%s) no two labels' estimated boxes overlap, nor a label and the City's ring or a panel title", (variant) => {
    expect(estimatedLabelBoxes(chart.svg[variant]!).length).toBeGreaterThan(10);
    expect(clashes(chart.svg[variant]!)).toEqual([]);
  });

  it.each(["wide", "narrow"] as const)("(%s) the City's ring is where britishPoints projects the City's centroid, as Plot drew it", (variant) => {
    const { features, width } = boroughFeatures(variant);
    const city = features.find((f) => f.id === "E09000001")!;
    const height = Number(/viewBox="0 0 \d+ (\d+)"/.exec(chart.svg[variant]!)![1]);
    const frame = variant === "wide" ? { width: facetSize(width, 2, 0.04), height } : { width, height: facetSize(height, 2, 0.04) };
    const [x, y] = britishPoints(features, frame, { inset: 4, insetTop: 26 }).project(geoCentroid(city as never) as [number, number]);
    const rings = [...parseSvg(chart.svg[variant]!).querySelectorAll('g[data-mark="dot"] circle')];
    expect(rings, "one ring in each panel").toHaveLength(2);
    for (const c of rings) {
      expect(Number(c.getAttribute("cx"))).toBeCloseTo(x, 2);
      expect(Number(c.getAttribute("cy"))).toBeCloseTo(y, 2);
    }
  });

  it("the SVG and PNG downloads draw the wide rendering's labels where the page does, in both schemes", () => {
    const words = { title: "Title", subtitle: "Subtitle", url: "https://example.org/embed/boroughs-map/2019-09-18/" };
    const onPage = estimatedLabelBoxes(chart.svg.wide!);
    // The standalone SVG nests the chart with its colours resolved; the PNG route rasterises inlineColors(svg.wide).
    for (const file of [standaloneSvg(chart, words), standaloneSvg(chart, words, darkPalette()), inlineColors(chart.svg.wide!)]) {
      const nested = /<svg (?:x="\d+" y="\d+" )?[^>]*viewBox="0 0 640 \d+"[\s\S]*?<\/svg>/.exec(file)![0];
      expect(estimatedLabelBoxes(nested)).toEqual(onPage);
    }
  });

  it.each(["wide", "narrow"] as const)(
    "(%s) a data version with a figure for every borough in both panels still gets clear labels (synthetic, crowded)",
    (variant) => {
      const { features, width } = boroughFeatures(variant);
      const [template] = getChart("boroughs-map").select(loadDataset("rescue-and-response", YEAR_1_PINS["rescue-and-response"]!));
      const rows = features.flatMap((f, i) =>
        (["linked", "referred"] as const).map((panel, j) => ({
          ...template!,
          borough_code: String(f.id),
          borough: f.properties.name,
          panel,
          value: 10 + ((i * 37 + j * 101) % 990),
        })),
      );
      const markup = plotToSvg(getChart("boroughs-map").spec(rows, { width, features }), {
        idPrefix: "x",
        labelledBy: "t",
        describedBy: "d",
        fontSize: theme.fontSize,
      });
      expect(estimatedLabelBoxes(markup).filter((b) => /^\d/.test(b.text))).toHaveLength(66);
      expect(clashes(markup)).toEqual([]);
      // Some labels had to leave their boroughs: each has a leader line back to it.
      expect(parseSvg(markup).querySelectorAll('g[data-mark="link"] path').length).toBeGreaterThan(0);
    },
  );
});

/** The boroughs as the chart receives them, and the width of a rendering. */
function boroughFeatures(variant: "wide" | "narrow") {
  const { topology, object } = geographies["london-boroughs"];
  return { features: topologyFeatures(loadDataset("london-boroughs", catalog["london-boroughs"]), topology, object), width: theme.widths[variant] };
}
