import * as Plot from "@observablehq/plot";
import type { Dataset } from "../data/schema/dataset";
import type { AnyRow } from "../data/schema/tables";
import { formatDate, formatValue } from "../data/words/format-value";
import type { Caveat, ChartTable, LegendItem } from "./define-chart";
import { markedValue, markerKey, statusCaveat } from "./status";
import { isNarrow, theme, valueAxis } from "./theme";

/** Where a compared value lives: a row id in the earlier version, or in the later one (a restated figure). */
type RowRef = string | { readonly later: string };

/** One measure compared across two versions, e.g. Norfolk in Year 1 and in Year 2. */
export interface Pairing {
  readonly label: string;
  readonly before: RowRef;
  readonly after: string;
  /** For rows that name a place that differs between the years (the top town), the column holding its name. */
  readonly nameColumn?: string;
}

/** A value row placed in a comparison: which measure, which side, and the place it names. */
export type PairedRow = AnyRow & { readonly pair: string; readonly side: 0 | 1; readonly name?: string };

/**
 * Finds both rows of every pairing. A comparison shows only values that were published in both
 * versions, so a missing row or a `not-published` value stops the build naming the pairing.
 */
export function pairRows(pairings: readonly Pairing[], before: Dataset | undefined, after: Dataset): PairedRow[] {
  if (!before) throw new Error(`a comparison needs two versions of ${after.id}`);
  const find = (data: Dataset, id: string, pairing: Pairing): AnyRow => {
    const row = Object.values(data.tables)
      .flat()
      .find((r) => r.id === id);
    if (!row) throw new Error(`comparison "${pairing.label}": no row "${id}" in data/${data.id}/${data.version}`);
    if (row.qualifier === "not-published" || row.value === null)
      throw new Error(`comparison "${pairing.label}": "${id}" has no published value in data/${data.id}/${data.version}, so it cannot be compared`);
    return row;
  };
  return pairings.flatMap((p) => {
    const earlier = typeof p.before === "string" ? find(before, p.before, p) : find(after, p.before.later, p);
    const later = find(after, p.after, p);
    const name = (r: AnyRow) => (p.nameColumn ? String(r[p.nameColumn]) : undefined);
    return [
      { ...earlier, pair: p.label, side: 0 as const, name: name(earlier) },
      { ...later, pair: p.label, side: 1 as const, name: name(later) },
    ];
  });
}

/** Whole calendar months from a period's start to its end, when both are full dates. */
function periodMonths(start: string | undefined, end: string | undefined): number | undefined {
  if (!start || !end || start.length < 10 || end.length < 10) return undefined;
  const [y1, m1] = start.split("-").map(Number) as [number, number];
  const [y2, m2] = end.split("-").map(Number) as [number, number];
  return y2 * 12 + m2 - (y1 * 12 + m1) + 1;
}

/**
 * The not-like-for-like warning, written from the two versions' metadata: in brief, how long each
 * window was; in full, the windows' dates and the later period's own caveat (for
 * Year 2, the change of intelligence source) too.
 * @param periods The period ids of the earlier and the later figures.
 * @param sides What the two counts are called, e.g. ["Year 1", "Year 2"].
 * @param read The closing advice, e.g. "Read the two bars as two separate counts, not as a trend."
 */
export function windowsCaveat(
  before: Dataset | undefined,
  after: Dataset,
  periods: readonly [string | undefined, string | undefined],
  sides: readonly [string, string],
  read: string,
): Caveat {
  const period = (data: Dataset | undefined, id: string | undefined) => data?.meta.periods.find((p) => p.id === id);
  const windows = [period(before, periods[0]), period(after, periods[1])].map((p, i) => {
    const months = periodMonths(p?.start, p?.end);
    return p?.start && p.end
      ? { brief: `${sides[i]} covered ${months} months`, full: `${sides[i]} covered ${months} months (${formatDate(p.start)} to ${formatDate(p.end)})` }
      : { brief: `${sides[i]}'s window is not in the sources we hold`, full: `${sides[i]}'s window is not in the sources we hold` };
  });
  const note = period(after, periods[1])?.note;
  return {
    brief: `${windows.map((w) => w.brief).join("; ")}.`,
    full: `${windows.map((w) => w.full).join("; ")}.${note ? ` ${note}` : ""} ${read}`,
  };
}

/** The warning over paired bars: {@link windowsCaveat} for the periods of the bars shown. */
export function comparisonCaveat(rows: readonly PairedRow[], before: Dataset | undefined, after: Dataset, sides: readonly [string, string]): Caveat {
  const periods = [rows.find((r) => r.side === 0)?.period, rows.find((r) => r.side === 1)?.period] as const;
  return windowsCaveat(before, after, periods, sides, "Read the two bars as two separate counts, not as a trend.");
}

/**
 * What a dataset version's count is called, from its title ("Rescue and Response: Year 2 strategic
 * assessment figures" → "Year 2"), else its version.
 */
export function countName(data: Dataset): string {
  return /\bYear \d+\b/.exec(data.meta.title)?.[0] ?? `Version ${data.version}`;
}

const label = (d: PairedRow, sides: readonly [string, string]) => `${markedValue(d)}  ${d.name ? `${d.name}, ` : ""}${sides[d.side]}`;

/**
 * Paired bars: for each measure, its name, then the earlier value (grey) and the later one (accent),
 * each labelled with its value, confirmation marker and year, so colour is never the only cue.
 */
export function pairedBars(
  rows: readonly PairedRow[],
  { width, axisLabel, sides }: { width: number; axisLabel: string; sides: readonly [string, string] },
): Plot.PlotOptions {
  const narrow = isNarrow(width);
  const key = (d: PairedRow) => `${d.pair}\u0000${d.side}`;
  const heading = (pair: string) => `${pair}\u0000h`;
  const pairs = [...new Set(rows.map((r) => r.pair))];
  const band = 24;
  const bar = {
    x: (d: PairedRow) => d.value,
    y: key,
    insetTop: 3,
    insetBottom: 3,
    title: (d: PairedRow) => `${d.pair}, ${sides[d.side]}: ${formatValue(d)}${d.name ? ` (${d.name})` : ""}`,
  } as const;
  return {
    width,
    height: pairs.length * 3 * band + 50,
    marginTop: 8,
    marginLeft: 4,
    marginRight: narrow ? 120 : 150,
    marginBottom: 42,
    x: valueAxis({ domain: [0, Math.max(...rows.map((r) => r.value ?? 0))], nice: true, label: axisLabel, narrow }),
    y: { domain: pairs.flatMap((p) => [heading(p), `${p}\u00000`, `${p}\u00001`]), axis: null, padding: 0 },
    marks: [
      Plot.barX(
        rows.filter((r) => r.side === 0),
        { ...bar, fill: theme.colors.muted },
      ),
      Plot.barX(
        rows.filter((r) => r.side === 1),
        { ...bar, fill: theme.colors.accent },
      ),
      Plot.ruleX([0]),
      Plot.text(pairs, { x: 0, y: heading, text: (p: string) => p, dy: 4, textAnchor: "start", fontWeight: 600 }),
      Plot.text(rows, { x: (d: PairedRow) => d.value, y: key, text: (d: PairedRow) => label(d, sides), dx: 5, textAnchor: "start" }),
    ],
  };
}

export function pairedLegend(rows: readonly PairedRow[], sides: readonly [string, string]): LegendItem[] {
  const items: LegendItem[] = [
    { swatch: "solid-muted", label: sides[0] },
    { swatch: "solid", label: sides[1] },
  ];
  if (rows.some((r) => r.status === "single-source")) items.push(markerKey("single-source"));
  if (rows.some((r) => r.status === "conflicting")) items.push(markerKey("conflicting"));
  return items;
}

const cell = (d: PairedRow | undefined, marked = true) => (d ? `${d.name ? `${d.name}, ` : ""}${marked ? markedValue(d) : formatValue(d)}` : "");
const byPair = (rows: readonly PairedRow[]) =>
  [...new Set(rows.map((r) => r.pair))].map((p) => [rows.find((r) => r.pair === p && r.side === 0), rows.find((r) => r.pair === p && r.side === 1)] as const);

export function describePairs(rows: readonly PairedRow[], sides: readonly [string, string]): string {
  const caveat = (d: PairedRow) => statusCaveat(d.status);
  const parts = byPair(rows).map(
    ([a, b]) => `${a?.pair}: ${sides[0]} ${cell(a, false)}${a ? caveat(a) : ""}, ${sides[1]} ${cell(b, false)}${b ? caveat(b) : ""}`,
  );
  return `Paired bar chart comparing ${sides[0]} and ${sides[1]} for ${parts.length} measure${parts.length === 1 ? "" : "s"}. ${parts.join("; ")}`;
}

export function tabulatePairs(rows: readonly PairedRow[], sides: readonly [string, string]): ChartTable {
  return {
    columns: ["Measure", sides[0], sides[1], "Sources", "Notes"],
    rows: byPair(rows).map(([a, b]) => [
      a?.pair ?? "",
      cell(a),
      cell(b),
      `${sides[0]}: ${a?.sources.join(", ")}; ${sides[1]}: ${b?.sources.join(", ")}`,
      [a?.note, b?.note].filter(Boolean).join(" / "),
    ]),
  };
}
