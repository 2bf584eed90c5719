import * as Plot from "@observablehq/plot";
import type { Status } from "../data/schema/columns";
import { formatValue, type ValueLike } from "../data/words/format-value";
import { markedValue, statusExplained } from "./status";
import { isNarrow, theme, valueAxis, wrapLabel } from "./theme";

/** One bar: a label and a value row from data/. */
export interface BarDatum extends ValueLike {
  readonly label: string;
  readonly status: Status;
}

export interface ValueBarOptions {
  width: number;
  /** Axis label, saying what is counted, e.g. "Londoners linked (people)". */
  axisLabel: string;
  /** Fixed upper end of the axis, e.g. 100 for shares. Defaults to the largest value. */
  max?: number;
}

/** Line spacing of wrapped labels, in SVG units (whole, so the chart's height stays whole). */
const LINE = 16;
const top = (d: BarDatum) => d.value_high ?? d.value ?? 0;
/** The value as written in the chart, with its confirmation marker (see {@link statusInfo}). */
const barText = (d: BarDatum) => markedValue(d).replace(/^about /, "c. ");
const tooltip = (d: BarDatum) => `${d.label}: ${formatValue(d)} (${statusExplained(d.status)})`;

/**
 * Horizontal bars with the label above each bar, which stays legible at 320 px where a left
 * label column would squeeze the bars. Values are drawn honestly by status:
 * - confirmed figures (primary, several outlets) are solid bars;
 * - single-source figures are outlined bars, conflicting ones dashed outlines, both marked in text;
 * - ranges are a translucent span from low to high, never a single guessed bar;
 * - unpublished values have no bar at all, only the words "no figure found".
 */
export function valueBars(data: readonly BarDatum[], { width, axisLabel, max }: ValueBarOptions): Plot.PlotOptions {
  const keys = data.map((d) => d.label);
  const single = data.filter((d) => d.qualifier !== "range" && d.qualifier !== "not-published");
  const solid = single.filter((d) => d.status === "primary" || d.status === "secondary");
  const outlined = single.filter((d) => d.status === "single-source");
  const dashed = single.filter((d) => d.status === "conflicting");
  const ranges = data.filter((d) => d.qualifier === "range");
  const domainMax = max ?? Math.max(...data.map(top));
  const narrow = isNarrow(width);
  const accent = theme.colors.accent;
  // Labels sit above their bars, across the plot; one too long for it wraps, and every row gets the
  // extra lines (e), with the bar and the label's last line where they would be without them.
  const marginLeft = 4;
  const lines = new Map(data.map((d) => [d.label, wrapLabel(d.label, Math.floor((width - marginLeft) / (theme.fontSize * theme.boldCharWidth)))]));
  const lineCount = (d: BarDatum) => lines.get(d.label)!.length;
  const e = (Math.max(...data.map(lineCount)) - 1) * LINE;
  const bar = { x: (d: BarDatum) => d.value, y: "label", insetTop: 24 + e, insetBottom: 4, title: tooltip } as const;
  const labelMarks = [...new Set(data.map(lineCount))].map((n) =>
    Plot.text(
      data.filter((d) => lineCount(d) === n),
      {
        x: 0,
        y: "label",
        text: (d: BarDatum) => lines.get(d.label)!.join("\n"),
        dy: -12 + e / 2 - ((n - 1) * LINE) / 2,
        // (one-line labels keep Plot's default, which also places their baseline)
        lineHeight: n > 1 ? LINE / theme.fontSize : 1,
        textAnchor: "start",
        fontWeight: 600,
      },
    ),
  );

  return {
    width,
    height: keys.length * (theme.rowHeight + e) + 50,
    marginTop: 8,
    marginLeft,
    marginRight: narrow ? 70 : 90,
    marginBottom: 42,
    x: valueAxis({ domain: [0, domainMax], nice: max === undefined, label: axisLabel, narrow }),
    y: { domain: keys, axis: null, padding: 0 },
    marks: [
      Plot.barX(solid, { ...bar, fill: accent }),
      Plot.barX(outlined, { ...bar, fill: "none", stroke: accent, strokeWidth: 2, inset: 1, insetTop: 25 + e, insetBottom: 5 }),
      Plot.barX(dashed, { ...bar, fill: "none", stroke: accent, strokeWidth: 2, strokeDasharray: "5,3", inset: 1, insetTop: 25 + e, insetBottom: 5 }),
      Plot.barX(ranges, {
        x1: (d: BarDatum) => d.value,
        x2: (d: BarDatum) => d.value_high,
        y: "label",
        insetTop: 24 + e,
        insetBottom: 4,
        fill: accent,
        fillOpacity: 0.3,
        stroke: accent,
        strokeWidth: 2,
        title: tooltip,
      }),
      Plot.ruleX([0]),
      ...labelMarks,
      Plot.text(
        data.filter((d) => d.qualifier !== "not-published"),
        { x: top, y: "label", text: barText, dy: 10 + e / 2, dx: 5, textAnchor: "start" },
      ),
      Plot.text(
        data.filter((d) => d.qualifier === "not-published"),
        { x: 0, y: "label", text: () => "no figure found", dy: 10 + e / 2, dx: 5, textAnchor: "start", fill: theme.colors.muted, fontStyle: "italic" },
      ),
    ],
  };
}
