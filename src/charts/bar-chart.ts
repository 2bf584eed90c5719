import type { Dataset } from "../data/schema/dataset";
import type { AnyRow, DatasetId } from "../data/schema/tables";
import { comparisonCaveat, describePairs, pairedBars, pairedLegend, pairRows, tabulatePairs, type Pairing, type PairedRow } from "./compare-versions";
import { defineChart, type ChartDefinition } from "./define-chart";
import { describeBars, tabulateBars } from "./describe-bars";
import { valueBars } from "./value-bars";

/** A bar chart of one table's rows, declared in a few lines: each bar's label is written once. */
export interface BarChartOptions<T extends AnyRow> {
  readonly id: string;
  readonly dataset: DatasetId;
  readonly table: string;
  /** The rows, in the order the bars are drawn. */
  select(data: Dataset): readonly T[];
  /** A bar's label, also the first column of the data table. */
  label(row: T): string;
  /** The label in the text description, where it says more (e.g. "Norfolk (ranked 1)"). */
  describeLabel?(row: T): string;
  /** What one bar is, for the description ("borough" → "Bar chart of 3 boroughs"). */
  readonly noun: string;
  /** The heading of the data table's first column. */
  readonly column: string;
  readonly axisLabel: string;
  /** A fixed top for the value axis, such as 100 for shares. */
  readonly max?: number;
  /** A sentence after the description of the bars: what is not shown, and why. */
  readonly afterword: string;
}

/** A status-aware bar chart (value-bars) with its description and data table, from one declaration. */
export function barChart<T extends AnyRow>({
  label,
  describeLabel = label,
  noun,
  column,
  axisLabel,
  max,
  afterword,
  ...chart
}: BarChartOptions<T>): ChartDefinition<readonly T[]> {
  const labelled = (rows: readonly T[], name: (row: T) => string) => rows.map((r) => ({ ...r, label: name(r) }));
  return defineChart<readonly T[]>({
    ...chart,
    spec: (rows, { width }) => valueBars(labelled(rows, label), max === undefined ? { width, axisLabel } : { width, axisLabel, max }),
    describe: (rows) => `${describeBars(labelled(rows, describeLabel), noun)}. ${afterword}`,
    tabulate: (rows) => tabulateBars(labelled(rows, label), column),
  });
}

/** Two versions of a dataset side by side, declared in a few lines. */
export interface PairedChartOptions {
  readonly id: string;
  readonly dataset: DatasetId;
  readonly versions: { readonly before: string; readonly after: string };
  readonly table: string;
  readonly moreTables?: readonly string[];
  /** The values to pair, each read from its own version; never a computed change. */
  readonly pairings: readonly Pairing[];
  /** What each side is called ("Year 1", "Year 2"). */
  readonly sides: readonly [string, string];
  readonly axisLabel: string;
  /** A sentence after the description of the pairs, if something is left out. */
  readonly afterword?: string;
}

/** Paired bars with their key, not-like-for-like caveat, description and table, from one declaration. */
export function pairedChart({ pairings, sides, axisLabel, afterword, ...chart }: PairedChartOptions): ChartDefinition<readonly PairedRow[]> {
  return defineChart<readonly PairedRow[]>({
    ...chart,
    select: (data, before) => pairRows(pairings, before, data),
    spec: (rows, { width }) => pairedBars(rows, { width, axisLabel, sides }),
    describe: (rows) => (afterword ? `${describePairs(rows, sides)}. ${afterword}` : describePairs(rows, sides)),
    tabulate: (rows) => tabulatePairs(rows, sides),
    legend: (rows) => pairedLegend(rows, sides),
    caveat: (rows, data, before) => comparisonCaveat(rows, before, data, sides),
  });
}
