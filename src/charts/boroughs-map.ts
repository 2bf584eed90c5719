import * as Plot from "@observablehq/plot";
import { britishProjection } from "./projection";
import { geoArea, geoCentroid } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import type { Dataset } from "../data/schema/dataset";
import { rowsOf } from "../data/rows/rows-of";
import type { AnyRow } from "../data/schema/tables";
import { formatValue } from "../data/words/format-value";
import { joinAllByCode } from "../data/rows/join-by-code";
import { defineChart } from "./define-chart";
import { tabulateBars } from "./describe-bars";
import { mapColors } from "./map-theme";
import { markedValue, markerKey, statusCaveat, statusExplained } from "./status";
import { isNarrow } from "./theme";
import { facetSize, placeMapLabels } from "./map-labels";

type Borough = Feature<Geometry, { name: string }>;

/** One published borough figure: linked Londoners or referrals. */
type BoroughFigure = AnyRow & { readonly borough_code: string; readonly borough: string; readonly panel: "linked" | "referred" };

const PANELS = { linked: "Londoners linked to county lines", referred: "Referrals to Rescue and Response" } as const;
const CITY = "E09000001";
/** The ring round the City: its radius and stroke, and how much room it takes (radius plus half the stroke). */
const RING = { r: 5, strokeWidth: 1.5, reach: 6 } as const;
const INSETS = { inset: 4, insetTop: 26 } as const;
const PADDING = 0.04;
/** Text on the map: bold, with a halo of the page colour so it reads over boundaries and fills. */
const halo = { stroke: "var(--bg)", fill: "currentColor", paintOrder: "stroke" } as const;

function select(data: Dataset): readonly BoroughFigure[] {
  return [
    ...rowsOf(data, "rescue-and-response", "boroughs").map((r) => ({ ...r, panel: "linked" as const })),
    ...rowsOf(data, "rescue-and-response", "referrals-by-borough").map((r) => ({ ...r, panel: "referred" as const })),
  ];
}

const valueText = (d: BoroughFigure) => markedValue(d);
/** Shade by what is known: an exact count is solid, a range is paler, no published figure is grey. */
const shade = (d: BoroughFigure | undefined) => (!d ? mapColors.none : d.qualifier === "range" ? mapColors.ramp[1] : mapColors.ramp[3]);

/**
 * Where the linked Londoners and the referrals came from, borough by borough, as far as figures
 * were published: two panels of the 33 local authorities, with values written on the boroughs that
 * have them and every other borough grey. The City of London, too small to see, is circled.
 */
export default defineChart({
  id: "boroughs-map",
  dataset: "rescue-and-response",
  table: "boroughs",
  moreTables: ["referrals-by-borough"],
  boundaries: "london-boroughs",
  select,
  spec: (rows, { width, features = [] }) => {
    const narrow = isNarrow(width);
    const panels = Object.keys(PANELS) as (keyof typeof PANELS)[];
    const joined: Record<string, Map<string, BoroughFigure>> = Object.fromEntries(
      panels.map((p) => [
        p,
        joinAllByCode(
          rows.filter((r) => r.panel === p),
          features,
          (r) => r.borough_code,
          `boroughs-map (${p})`,
        ),
      ]),
    );
    type Cell = { panel: keyof typeof PANELS; feature: Borough; row: BoroughFigure | undefined };
    const cells: Cell[] = panels.flatMap((panel) => features.map((feature) => ({ panel, feature, row: joined[panel]!.get(String(feature.id)) })));
    const centroid = (f: Borough) => geoCentroid(f as never) as [number, number];
    const facet = narrow ? { fy: "panel" } : { fx: "panel" };
    const panelWidth = narrow ? width : width / 2;
    const height = Math.round(narrow ? (panelWidth * 0.8 + INSETS.insetTop) * 2 + 16 : panelWidth * 0.8 + INSETS.insetTop);
    // Labels are placed at build time, clear of each other, the City's ring and the panel titles
    // (src/charts/place-labels.ts): those with least room first, the City's name (by its ring), then the smallest boroughs.
    const values = cells
      .filter((c) => c.row)
      .map((c) => ({ panel: c.panel, text: valueText(c.row!), anchor: centroid(c.feature), area: c.feature as Feature }));
    const city = features
      .filter((f) => f.id === CITY)
      .flatMap((f) => panels.map((panel) => ({ panel, text: "City", anchor: centroid(f), marker: RING.reach })));
    const frame = narrow ? { width, height: facetSize(height, 2, PADDING) } : { width: facetSize(width, 2, PADDING), height };
    const titles = new Map(panels.map((p) => [p, PANELS[p]] as const));
    const size = (l: object) => ("area" in l ? geoArea(l.area as never) : 0);
    const labels = placeMapLabels([...values, ...city], { features, frame, insets: INSETS, titles, first: (a, b) => size(a) - size(b) });
    type Label = (typeof labels)[number];
    return {
      width,
      height,
      margin: 0,
      projection: britishProjection(features, INSETS),
      color: { type: "identity" },
      // round: true pins the facet sizes that facetSize computes for the labels.
      fx: { domain: panels, axis: null, padding: PADDING, round: true },
      fy: { domain: panels, axis: null, padding: PADDING, round: true },
      marks: [
        Plot.text(
          panels.map((panel) => ({ panel })),
          { ...facet, text: (d: { panel: keyof typeof PANELS }) => PANELS[d.panel], frameAnchor: "top-left", dy: 4, fontWeight: 700 },
        ),
        Plot.geo(cells, {
          geometry: (c: Cell) => c.feature,
          ...facet,
          fill: (c: Cell) => shade(c.row),
          stroke: mapColors.edge,
          strokeWidth: 0.6,
          title: (c: Cell) => `${c.feature.properties.name}: ${c.row ? `${formatValue(c.row)} (${statusExplained(c.row.status)})` : "no figure found"}`,
        }),
        Plot.dot(city, {
          x: (d) => d.anchor[0],
          y: (d) => d.anchor[1],
          ...facet,
          r: RING.r,
          stroke: "currentColor",
          strokeWidth: RING.strokeWidth,
          fill: "none",
        }),
        // A label moved off its borough points back to it.
        Plot.link(
          labels.filter((d) => d.leader),
          {
            x1: (d: Label) => d.leader![0][0],
            y1: (d: Label) => d.leader![0][1],
            x2: (d: Label) => d.leader![1][0],
            y2: (d: Label) => d.leader![1][1],
            ...facet,
            curve: "linear",
            stroke: "currentColor",
            strokeWidth: 1,
          },
        ),
        Plot.text(
          labels.filter((d) => "marker" in d),
          { x: (d: Label) => d.at[0], y: (d: Label) => d.at[1], ...facet, text: "text", fontWeight: 600, strokeWidth: 3, ...halo },
        ),
        Plot.text(
          labels.filter((d) => !("marker" in d)),
          { x: (d: Label) => d.at[0], y: (d: Label) => d.at[1], ...facet, text: "text", fontWeight: 700, strokeWidth: 3.5, ...halo },
        ),
      ],
    };
  },
  describe: (rows) => {
    const panel = (p: keyof typeof PANELS) => rows.filter((r) => r.panel === p).map((r) => `${r.borough} ${formatValue(r)}${statusCaveat(r.status)}`);
    return `Two maps of London's boroughs. ${PANELS.linked}: ${panel("linked").join("; ")}. ${PANELS.referred}: ${panel("referred").join("; ")}. We found no figures for the other boroughs.`;
  },
  legend: (rows) => [
    { swatch: "map-4", label: "Published count" },
    ...(rows.some((r) => r.qualifier === "range") ? [{ swatch: "map-2" as const, label: "Published only as a range" }] : []),
    { swatch: "map-none", label: "No figure found (not zero)" },
    markerKey("single-source"),
    markerKey("conflicting"),
  ],
  tabulate: (rows) =>
    tabulateBars(
      rows.map((r) => ({ ...r, label: `${r.borough} (${r.panel === "linked" ? "linked" : "referrals"})` })),
      "Borough",
    ),
});
