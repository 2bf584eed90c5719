import * as Plot from "@observablehq/plot";
import { britishProjection } from "./projection";
import { geoCentroid } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import { rowsOf } from "../data/rows/rows-of";
import type { Row } from "../data/schema/tables";
import { formatValue } from "../data/words/format-value";
import { joinAllByCode } from "../data/rows/join-by-code";
import { defineChart } from "./define-chart";
import { tabulateBars } from "./describe-bars";
import { markedValue, markerKey, statusCaveat, statusExplained } from "./status";
import { mapColors, thresholdColor } from "./map-theme";
import { byRank } from "./theme";
import { countName, windowsCaveat } from "./compare-versions";

type Destination = Row<"rescue-and-response", "destinations">;
type Area = Feature<Geometry, { name: string }>;

/** London as an exporting area: the Metropolitan Police and City of London Police areas. */
const LONDON_CODES = ["E23000001", "E23000034"];
/** Bins of the count scale; every bin starts above zero, so no colour can be read as zero. */
const DESTINATION_THRESHOLDS = [100, 200, 300] as const;

const label = (d: Destination) => `${d.area} ${markedValue(d, d.qualifier === "not-published" ? "(no count)" : undefined)}`;

/**
 * Where London's lines ran, for whichever data version a story pins: police force areas shaded by the
 * number of linked Londoners, with a line from London to each area whose count was published, its
 * width proportional to that count. Areas with no published figure are grey, clearly off the colour
 * ramp; an area ranked but uncounted (Sussex in Year 1) is outlined and labelled as such. In a story
 * that compares versions, the not-like-for-like caveat sits inside the figure.
 *
 * Drawn once for every column width: boundaries are most of a map's bytes. Wide columns show names
 * at sea with leader lines; narrow ones show numbers twice the size (so at least 11 CSS px in a 288 px
 * column), explained by the numbered key.
 */
export default defineChart({
  id: "destinations-map",
  dataset: "rescue-and-response",
  table: "destinations",
  boundaries: "police-force-areas",
  oneRendering: true,
  select: (data) => [...rowsOf(data, "rescue-and-response", "destinations")].sort(byRank),
  spec: (rows, { width, features = [] }) => {
    const byCode = joinAllByCode(rows, features, (r) => r.area_code, "destinations-map");
    const london = features.filter((f) => LONDON_CODES.includes(String(f.id)));
    const origin = geoCentroid({ type: "FeatureCollection", features: london } as never);
    const counted = rows.filter((r) => r.value !== null);
    const max = Math.max(...counted.map((r) => r.value!));
    const centroid = (code: string) => geoCentroid(features.find((f) => f.id === code)! as never);
    const fillOf = (f: Area) => {
      if (LONDON_CODES.includes(String(f.id))) return mapColors.origin;
      const row = byCode.get(String(f.id));
      return row?.value != null ? thresholdColor(row.value, DESTINATION_THRESHOLDS) : mapColors.none;
    };
    const titleOf = (f: Area) => {
      if (LONDON_CODES.includes(String(f.id))) return `${f.properties.name}: London, where the lines start`;
      const row = byCode.get(String(f.id));
      return row ? `${row.area}: ${formatValue(row)} (${statusExplained(row.status)})` : `${f.properties.name}: no figure found`;
    };
    const links = counted.map((r) => ({ ...r, from: origin, to: centroid(r.area_code) }));
    const labelled = labelledRows(rows);
    const keyNumber = (d: Destination) => String(labelled.indexOf(d) + 1);
    const ranked = features.filter((f) => byCode.get(String(f.id))?.qualifier === "not-published");
    const halo = { stroke: "var(--bg)", strokeWidth: 4, fill: "currentColor", paintOrder: "stroke", fontWeight: 700 } as const;
    return {
      width,
      height: width,
      margin: 0,
      marginRight: 110,
      marginBottom: 16,
      // clip: false keeps labels placed at sea, beyond the land's frame, instead of dropping them.
      projection: britishProjection(features, { clip: false }),
      color: { type: "identity" },
      marks: [
        // Edges in a mid grey give every area a 3:1 outline, whatever its fill (WCAG 1.4.11).
        Plot.geo(features, { fill: fillOf, stroke: mapColors.edge, strokeWidth: 0.6, title: titleOf }),
        Plot.geo(ranked, { fill: "none", stroke: "currentColor", strokeWidth: 1.5, strokeDasharray: "3,2" }),
        // Plot's strokeDasharray is a constant, so disputed counts get their own, dashed, mark.
        ...[false, true].map((disputed) =>
          Plot.link(
            links.filter((d) => (d.status === "conflicting") === disputed),
            {
              x1: (d) => d.from[0],
              y1: (d) => d.from[1],
              x2: (d) => d.to[0],
              y2: (d) => d.to[1],
              stroke: "currentColor",
              strokeOpacity: 0.85,
              strokeLinecap: disputed ? "butt" : "round",
              strokeWidth: (d) => (d.value! / max) * 8,
              strokeDasharray: disputed ? "5,3" : undefined,
            },
          ),
        ),
        Plot.dot([origin], { x: (d) => d[0], y: (d) => d[1], r: 5, fill: "currentColor", stroke: "var(--bg)", strokeWidth: 1.5 }),
        ...(["wide-only", "narrow-only"] as const).map((layer) =>
          Plot.text([origin], {
            x: (d) => d[0],
            y: (d) => d[1],
            text: () => "London",
            dx: layer === "wide-only" ? -8 : -12,
            dy: layer === "wide-only" ? 12 : 22,
            textAnchor: "end",
            fontSize: layer === "wide-only" ? undefined : NARROW_TEXT,
            className: layer,
            ...halo,
          }),
        ),
        Plot.link(labelled, {
          x1: (d) => LABELS[d.area_code]![0],
          y1: (d) => LABELS[d.area_code]![1],
          x2: (d) => centroid(d.area_code)[0],
          y2: (d) => centroid(d.area_code)[1],
          stroke: "currentColor",
          strokeWidth: 1,
        }),
        ...(["start", "middle", "end"] as const).map((anchor) =>
          Plot.text(
            labelled.filter((d) => LABELS[d.area_code]![2] === anchor),
            { x: (d) => LABELS[d.area_code]![0], y: (d) => LABELS[d.area_code]![1], text: label, textAnchor: anchor, className: "wide-only", ...halo },
          ),
        ),
        Plot.text(labelled, {
          x: (d) => LABELS[d.area_code]![0],
          y: (d) => LABELS[d.area_code]![1],
          text: keyNumber,
          fontSize: NARROW_TEXT,
          className: "narrow-only",
          ...halo,
        }),
      ],
    };
  },
  describe: (rows) => {
    const top = rows.filter((r) => r.rank !== null);
    const parts = top.map((r) => `${r.rank}. ${r.area}: ${formatValue(r)}${statusCaveat(r.status)}`);
    const others = rows.filter((r) => r.rank === null && r.value !== null).map((r) => `${r.area} ${formatValue(r)}`);
    return `Map of England and Wales by police force area, with lines from London to each destination whose count was published. Ranked destinations: ${parts.join("; ")}. Also published: ${others.join(", ")}. We found no figure for the other force areas.`;
  },
  legend: (rows) => [
    { swatch: "map-1", label: `1–${DESTINATION_THRESHOLDS[0] - 1}` },
    { swatch: "map-2", label: `${DESTINATION_THRESHOLDS[0]}–${DESTINATION_THRESHOLDS[1] - 1}` },
    { swatch: "map-3", label: `${DESTINATION_THRESHOLDS[1]}–${DESTINATION_THRESHOLDS[2] - 1}` },
    { swatch: "map-4", label: `${DESTINATION_THRESHOLDS[2]} or more` },
    { swatch: "map-none", label: "No figure found (not zero)" },
    ...(rows.some((r) => r.qualifier === "not-published") ? [{ swatch: "outline-dashed", label: "Ranked, no count found" } as const] : []),
    { swatch: "map-origin", label: "London" },
    { swatch: "line", label: "Line width shows the count" },
    ...(rows.some((r) => r.status === "conflicting") ? [markerKey("conflicting", "line-dashed")] : []),
    ...(rows.some((r) => r.status === "single-source") ? [markerKey("single-source")] : []),
  ],
  // The numbers on narrow maps are this list's; an area without a published rank says so.
  numberedKey: (rows) => labelledRows(rows).map((r) => (r.rank === null ? `${label(r)} (no rank found)` : label(r))),
  caveat: (rows, data, before) => {
    if (!before) return undefined;
    const earlier = rowsOf(before, "rescue-and-response", "destinations")[0]?.period;
    const sides = [countName(before), countName(data)] as const;
    return windowsCaveat(before, data, [earlier, rows[0]?.period], sides, `Read this map and ${sides[0]}'s as two separate counts, not as a trend.`);
  },
  tabulate: (rows) =>
    tabulateBars(
      rows.map((r) => ({ ...r, label: r.rank ? `${r.rank}. ${r.area}` : r.area })),
      "Police force area",
    ),
});

/** Text size of the numbers on narrow columns, in SVG units: 11.7 CSS px when 640 units fill 288 px. */
const NARROW_TEXT = 26;

/** The areas labelled on the map, in rank order: those with a rank or a count, and a label position. */
const labelledRows = (rows: readonly Destination[]) => rows.filter((r) => (r.rank !== null || r.value !== null) && LABELS[r.area_code]);

/**
 * Where each labelled area's label sits (longitude, latitude, text anchor): out at sea or over empty
 * land, joined to the area by a leader line, so that the crowded south-east stays readable.
 */
const LABELS: Readonly<Record<string, readonly [number, number, "start" | "middle" | "end"]>> = {
  E23000024: [0.75, 53.3, "middle"], // Norfolk, above the north Norfolk coast
  E23000025: [1.85, 52.25, "start"], // Suffolk, east in the North Sea
  E23000028: [1.45, 51.55, "start"], // Essex, east of the Thames estuary
  E23000033: [0.1, 50.45, "middle"], // Sussex, in the Channel
  E23000030: [-1.9, 50.35, "end"], // Hampshire, south-west in the Channel
  E23000029: [-2.6, 52.05, "end"], // Thames Valley, to the west
};
