import { getChart } from "../charts";
import type { Caveat, ChartTable, LegendItem } from "../charts/define-chart";
import { statusLegend } from "../charts/status-legend";
import { theme } from "../charts/theme";
import { catalog } from "../data/versions/catalog";
import { geographies } from "../data/schema/geographies";
import { loadDataset } from "../data/versions/load-dataset";
import type { Source } from "../data/schema/meta-schema";
import { readSourceRecords, rowKeys, type Passage } from "../data/citing/source-records";
import { projectRoot } from "../data/files/paths";
import type { AnyRow, DatasetId } from "../data/schema/tables";
import { linkedomDocument, plotToSvg, type DocumentFactory } from "../render/plot-to-svg";
import { topologyFeatures } from "../render/topology-features";

/** Everything a figure needs, computed at build time from one chart and one data version. */
export interface RenderedChart {
  readonly id: string;
  readonly dataset: DatasetId;
  readonly version: string;
  /** For charts comparing two versions: the earlier one (files are offered from both). */
  readonly before?: { readonly version: string };
  /**
   * For a chart of one version in a story that compares versions: the version its caveat reads the
   * earlier window from (its rows are not shown, so no file is offered).
   */
  readonly caveatFrom?: { readonly version: string };
  /** CSV file names readers can download, e.g. ["destinations.csv"]. */
  readonly files: readonly string[];
  /**
   * The wide rendering, and the narrow one for narrow columns; a chart drawn once (`oneRendering`)
   * has no narrow SVG: its one SVG scales, and CSS switches its labels.
   */
  readonly svg: { readonly wide: string; readonly narrow?: string };
  readonly description: string;
  readonly table: ChartTable;
  /** Sources cited by the rows shown, in meta.json order. */
  readonly sources: readonly Source[];
  /**
   * Sources the rows' notes name by id ("S7 S8 and S9 also name Lambeth") that the rows do not cite,
   * in meta.json order: credited in full too, so a reader of the data table can look each one up. They
   * source no figure, so they count for neither the rows' attribution nor their dates.
   */
  readonly alsoNamed: readonly Source[];
  /** By source id: the passages we hold that state the rows shown (data/sources.json). */
  readonly passages: Readonly<Record<string, readonly Passage[]>>;
  /** For maps: the boundary data's sources (attribution) and version. */
  readonly boundaries?: { readonly dataset: DatasetId; readonly version: string; readonly sources: readonly Source[] };
  /** The key above the chart. */
  readonly legend: readonly LegendItem[];
  /** A warning shown above the graphic (comparisons across versions), brief and in full. */
  readonly caveat?: Caveat;
  /** Numbered labels, for charts whose narrow rendering uses numbers. */
  readonly numberedKey: readonly string[];
  /** Element ids of the figure's title and description (used by the SVG's aria attributes). */
  readonly titleId: string;
  readonly descriptionId: string;
}

export interface RenderChartOptions {
  /** Dataset versions pinned by the story; defaults to the catalog. */
  versions?: Partial<Record<DatasetId, string>>;
  /**
   * The versions the story compares against (frontmatter `compare:`): a chart of one version gets
   * the earlier one as `before`, for its not-like-for-like caveat.
   */
  compare?: Partial<Record<DatasetId, string>>;
  root?: string;
  document?: DocumentFactory;
  /** Makes element ids unique when one chart appears twice on a page. */
  instance?: string;
}

/**
 * The rows a chart shows under a story's pins, without drawing it: the chart, its data version(s),
 * the selected rows and the sources each row cites (its own and its period's), so that a story can
 * number and date-check a chart's sources at compile time.
 */
export function chartRows(id: string, { versions = {}, compare = {}, root = projectRoot }: Pick<RenderChartOptions, "versions" | "compare" | "root"> = {}) {
  const chart = getChart(id);
  // The story's pins decide (a comparison chart's own versions are what stories must pin, checked when
  // they compile); an embed kept at a version since corrected pins that older version.
  const version = versions[chart.dataset] ?? chart.versions?.after ?? catalog[chart.dataset];
  const data = loadDataset(chart.dataset, version, root);
  const beforeVersion = compare[chart.dataset] ?? chart.versions?.before;
  const before = beforeVersion ? loadDataset(chart.dataset, beforeVersion, root) : undefined;
  const rows = chart.select(data, before);
  // Rows cite their sources; a period can cite the source of its dates and caveats.
  const periods = [...data.meta.periods, ...(before?.meta.periods ?? [])];
  const declared = [...data.meta.sources, ...(before?.meta.sources ?? [])].filter((s, i, all) => all.findIndex((t) => t.id === s.id) === i);
  /** The sources one row cites, in meta.json order. */
  const sourcesOf = (row: AnyRow): Source[] => {
    const ids = new Set([...row.sources, ...(periods.find((p) => p.id === row.period)?.sources ?? [])]);
    return declared.filter((s) => ids.has(s.id));
  };
  const cited = new Set(rows.flatMap((r) => sourcesOf(r).map((s) => s.id)));
  const named = new Set(rows.flatMap((r) => r.note?.match(/\b[A-Z]+\d+\b/g) ?? []));
  return {
    chart,
    version,
    data,
    before,
    rows,
    sourcesOf,
    sources: declared.filter((s) => cited.has(s.id)),
    alsoNamed: declared.filter((s) => named.has(s.id) && !cited.has(s.id)),
  };
}

/** data/ → validated rows → chart rows → Plot spec → SVG (narrow and wide) plus words and table. */
export function renderChart(
  id: string,
  { versions = {}, compare = {}, root = projectRoot, document = linkedomDocument, instance = "" }: RenderChartOptions = {},
): RenderedChart {
  const { chart, version, data, before, rows, sources, alsoNamed, sourcesOf } = chartRows(id, { versions, compare, root });
  // The passages we hold that state the rows drawn, by source, each once: a cited source's on the rows
  // that cite it, a source a note names on any row shown.
  const records = readSourceRecords(root);
  const heldOn = (source: Source, shown: readonly AnyRow[]) =>
    (records.get(source.id)?.passages ?? []).filter((p) => shown.some((r) => rowKeys(chart.dataset, r).some((k) => p.rows.includes(k))));
  const passages = Object.fromEntries([
    ...sources.map((s) => [
      s.id,
      heldOn(
        s,
        rows.filter((r) => sourcesOf(r).some((o) => o.id === s.id)),
      ),
    ]),
    ...alsoNamed.map((s) => [s.id, heldOn(s, rows)]),
  ]);
  const geography = chart.boundaries;
  const boundary = geography && loadDataset(geography, versions[geography] ?? catalog[geography], root);
  const features = boundary && geography ? topologyFeatures(boundary, geographies[geography].topology, geographies[geography].object) : undefined;
  const caveat = chart.caveat?.(rows, data, before);
  const base = `chart-${id}${instance ? `-${instance}` : ""}`;
  const titleId = `${base}-title`;
  const descriptionId = `${base}-desc`;
  // A chart that cannot be drawn from these rows says which chart, data version and drawing.
  const spec = (variant: "narrow" | "wide") => {
    try {
      return chart.spec(rows, { width: theme.widths[variant], features });
    } catch (error) {
      throw new Error(`chart "${id}" (data: ${chart.dataset} ${version}, the ${variant} drawing): ${(error as Error).message}`, { cause: error });
    }
  };
  const svg = (variant: "narrow" | "wide") =>
    plotToSvg(spec(variant), {
      idPrefix: `${base}-${variant}`,
      labelledBy: titleId,
      describedBy: descriptionId,
      fontSize: theme.fontSize,
      // Maps: boundaries to the whole unit (at most half a CSS pixel off at 640 px and below), which
      // halves their bytes; other charts to a tenth.
      pathDecimals: chart.boundaries ? 0 : 1,
      document,
    });
  return {
    id,
    dataset: chart.dataset,
    version,
    files: [chart.table, ...(chart.moreTables ?? [])].map((t) => `${t}.csv`),
    svg: chart.oneRendering ? { wide: svg("wide") } : { narrow: svg("narrow"), wide: svg("wide") },
    description: chart.describe(rows),
    table: chart.tabulate(rows),
    sources,
    alsoNamed,
    passages,
    before: chart.versions && before && { version: before.version },
    caveatFrom: !chart.versions && before && caveat ? { version: before.version } : undefined,
    boundaries: boundary && { dataset: boundary.id, version: boundary.version, sources: boundary.meta.sources },
    legend: chart.legend?.(rows) ?? statusLegend(rows),
    numberedKey: chart.numberedKey?.(rows) ?? [],
    caveat,
    titleId,
    descriptionId,
  };
}
