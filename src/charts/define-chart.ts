import type { PlotOptions } from "@observablehq/plot";
import type { Feature, Geometry } from "geojson";
import type { Dataset } from "../data/schema/dataset";
import type { GeographyId } from "../data/schema/geographies";
import type { AnyRow, DatasetId } from "../data/schema/tables";

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
  /** Further tables the chart draws on, also offered for download. */
  readonly moreTables?: readonly string[];
  /**
   * For charts that compare two versions of `dataset` (Year 1 against Year 2): the versions, fixed
   * in the chart because the pairs it draws are chosen for them. Stories must pin both (`data:` and
   * `compare:`). `select` then receives the later version and the earlier one.
   */
  readonly versions?: { readonly before: string; readonly after: string };
  /** For maps: the boundary dataset and its TopoJSON object, turned into features for `spec`. */
  readonly boundaries?: GeographyId;
  /**
   * Drawn once, at the wide width, for every column (charts are otherwise drawn twice, narrow and
   * wide): the SVG scales to the column, and marks given `className: "narrow-only"` or `"wide-only"`
   * (labels sized for each) are switched by base.css. Without CSS (PNGs, downloads) the wide
   * labels show. For maps, whose boundaries are most of their bytes.
   */
  readonly oneRendering?: true;
  /** The rows the chart shows, in display order. */
  select(data: Dataset, before?: Dataset): T;
  /** Plot options for those rows at a given width. */
  spec(rows: T, options: ChartSpecOptions): PlotOptions;
  /** One or two plain sentences stating what the chart shows, with its key numbers. */
  describe(rows: T): string;
  /** The data table under the chart. */
  tabulate(rows: T): ChartTable;
  /** The key shown above the chart; bar charts get one built from the statuses shown. */
  legend?(rows: T): readonly LegendItem[];
  /** A warning shown inside the figure, above the graphic, where readers cannot miss it. */
  caveat?(rows: T, data: Dataset, before?: Dataset): Caveat | undefined;
  /** A numbered key for labels the narrow rendering shows as numbers (maps). */
  numberedKey?(rows: T): readonly string[];
}

interface ChartSpecOptions {
  width: number;
  /** Boundary features (GeoJSON, ids are GSS codes) when the chart declares `boundaries`. */
  features?: readonly Feature<Geometry, { name: string }>[];
}

/** Swatch styles available to legends (classes `key-<swatch>` in base.css). */
export type Swatch =
  | "solid"
  | "solid-muted"
  | "outline"
  | "dashed"
  | "range"
  | "gap"
  | "map-none"
  | "map-origin"
  | "map-1"
  | "map-2"
  | "map-3"
  | "map-4"
  | "line"
  | "line-dashed"
  | "outline-dashed";

/**
 * A warning in two lengths: `brief` (a sentence or two) shows above the graphic in a story, `full`
 * (every date and reason) sits in the figure's disclosure and travels with the embed page and downloads.
 */
export interface Caveat {
  readonly brief: string;
  readonly full: string;
}

export interface LegendItem {
  /** The swatch drawn before the label; none for a text marker such as "† One outlet only". */
  readonly swatch?: Swatch;
  readonly label: string;
}

/** Identity helper that keeps each chart file's row type. */
export function defineChart<T extends readonly AnyRow[]>(chart: ChartDefinition<T>): ChartDefinition<T> {
  return chart;
}
