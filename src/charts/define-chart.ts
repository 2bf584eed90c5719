import type { PlotOptions } from "@observablehq/plot";
import type { Dataset } from "../lib/data/load-dataset";
import type { AnyRow, DatasetId } from "../lib/data/tables";

/** A data table shown under a chart: header labels and already-formatted cells. */
export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * One chart: data in, Plot options and words out. Everything here is pure: `select` picks and
 * shapes rows from an already validated dataset, `spec` turns them into Plot options, and
 * `describe` writes the text alternative from the same rows, so words and picture cannot drift.
 */
export interface ChartDefinition<T extends readonly AnyRow[] = readonly AnyRow[]> {
  /** Kebab-case; equals the file name, the MDX `id`, the test and the snapshot name. */
  readonly id: string;
  /** The dataset the chart draws on; the story's pinned version of it is used. */
  readonly dataset: DatasetId;
  /** The table (CSV file name without `.csv`) readers can download. */
  readonly table: string;
  /** The rows the chart shows, in display order. */
  select(data: Dataset): T;
  /** Plot options for those rows at a given width. */
  spec(rows: T, options: { width: number }): PlotOptions;
  /** One or two plain sentences stating what the chart shows, with its key numbers. */
  describe(rows: T): string;
  /** The data table under the chart. */
  tabulate(rows: T): ChartTable;
}

/** Identity helper that keeps each chart file's row type. */
export function defineChart<T extends readonly AnyRow[]>(chart: ChartDefinition<T>): ChartDefinition<T> {
  return chart;
}
