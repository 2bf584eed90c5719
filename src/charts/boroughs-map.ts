import * as Plot from "@observablehq/plot";
import { britishProjection } from "./projection";
import { geoCentroid } from "d3-geo";
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

type Borough = Feature<Geometry, { name: string }>;

/** One published borough figure: linked Londoners or referrals. */
type BoroughFigure = AnyRow & { readonly borough_code: string; readonly borough: string; readonly panel: "linked" | "referred" };

const PANELS = { linked: "Londoners linked to county lines", referred: "Referrals to Rescue and Response" } as const;
const CITY = "E09000001";

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
    const centroid = (f: Borough) => geoCentroid(f as never);
    const labelled = cells.filter((c) => c.row);
    const city = features.filter((f) => f.id === CITY).flatMap((feature) => panels.map((panel) => ({ panel, at: centroid(feature) })));
    const facet = narrow ? { fy: "panel" } : { fx: "panel" };
    const panelWidth = narrow ? width : width / 2;
    return {
      width,
      height: Math.round(narrow ? (panelWidth * 0.8 + 26) * 2 + 16 : panelWidth * 0.8 + 26),
      margin: 0,
      projection: britishProjection(features, { inset: 4, insetTop: 26 }),
      color: { type: "identity" },
      fx: { domain: panels, axis: null, padding: 0.04 },
      fy: { domain: panels, axis: null, padding: 0.04 },
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
        Plot.dot(city, { x: (d) => d.at[0], y: (d) => d.at[1], ...facet, r: 5, stroke: "currentColor", strokeWidth: 1.5, fill: "none" }),
        Plot.text(city, {
          x: (d) => d.at[0],
          y: (d) => d.at[1],
          ...facet,
          text: () => "City",
          dy: -13,
          fontWeight: 600,
          stroke: "var(--bg)",
          strokeWidth: 3,
          fill: "currentColor",
          paintOrder: "stroke",
        }),
        Plot.text(labelled, {
          x: (c: Cell) => centroid(c.feature)[0],
          y: (c: Cell) => centroid(c.feature)[1],
          ...facet,
          text: (c: Cell) => valueText(c.row!),
          fontWeight: 700,
          stroke: "var(--bg)",
          strokeWidth: 3.5,
          fill: "currentColor",
          paintOrder: "stroke",
        }),
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
