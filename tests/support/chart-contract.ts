import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { getChart } from "../../src/charts";
import { renderChart } from "../../src/figures/render-chart";
import { expectSvgSnapshot, parseSvg } from "./svg";

/** What a chart test states by hand: the versions its story pins, and the rows the chart must show. */
interface Expected {
  kind?: "bars" | "pairs" | "map";
  /** The data versions the first story that places the chart pins (its frontmatter `data:`). */
  versions: Record<string, string>;
  /** Bars and maps: the rows shown, in the table's order, as "table/id" of the chart's dataset at its pinned version. */
  rows?: readonly string[];
  /** Paired bars: each pair's label and its two rows, as "version:table/id". */
  pairs?: readonly { label: string; before: string; after: string }[];
}

/** One CSV row read straight from data/ with d3-dsv: not through the site's loader or the chart's select. */
function csvRow(dataset: string, version: string, ref: string): Record<string, string> {
  const [table, id] = ref.split("/") as [string, string];
  const row = csvParse(readFileSync(`data/${dataset}/${version}/${table}.csv`, "utf8")).find((r) => r.id === id);
  if (!row) throw new Error(`no row "${id}" in data/${dataset}/${version}/${table}.csv`);
  return row;
}

/** The sources a row rests on: its own, and those of its period (meta.json, read as plain JSON). */
function sourcesOf(dataset: string, version: string, row: Record<string, string>): string[] {
  const meta = JSON.parse(readFileSync(`data/${dataset}/${version}/meta.json`, "utf8")) as { periods: { id: string; sources?: string[] }[] };
  return [...row.sources!.split(/\s+/).filter(Boolean), ...(meta.periods.find((p) => p.id === row.period)?.sources ?? [])];
}

/**
 * The checks every chart must pass, whatever its data: snapshots of both renderings, an
 * accessible name and description wired to the figure, one mark per data row, no NaN,
 * undefined or Infinity in the markup, and chart text at least 11 CSS px at a 288 px column.
 */
export function chartContract(id: string, { kind = "bars", versions, rows = [], pairs = [] }: Expected) {
  // Rendered as first published: with the data versions pinned by the first story that places it.
  describe(`chart ${id}: figure contract`, () => {
    const chart = renderChart(id, { versions });
    // Most charts are drawn twice, narrow and wide; a chart drawn once (oneRendering) has one SVG.
    const variants = (Object.keys(chart.svg) as ("wide" | "narrow")[]).sort().reverse();
    const svgOf = (variant: "wide" | "narrow") => chart.svg[variant]!;

    it("is drawn twice, or once when it says so", () => {
      expect(variants).toEqual(getChart(id).oneRendering ? ["wide"] : ["wide", "narrow"]);
    });

    it.each(variants)("matches the reviewed %s snapshot", async (variant) => {
      await expectSvgSnapshot(variant === "wide" ? id : `${id}-narrow`, svgOf(variant));
    });

    it.each(variants)("the %s SVG is an image named and described by the figure", (variant) => {
      const svg = parseSvg(svgOf(variant));
      expect(svg.getAttribute("role")).toBe("img");
      expect(svg.getAttribute("aria-labelledby")).toBe(chart.titleId);
      expect(svg.getAttribute("aria-describedby")).toBe(chart.descriptionId);
      expect(svg.getAttribute("viewBox")).toMatch(/^0 0 \d+ \d+$/);
      expect(svg.querySelector("style")).toBeNull();
      expect(svg.querySelector("[aria-label]"), "aria-label inside role=img is prohibited ARIA").toBeNull();
    });

    // Bars: one rect or "no figure found" label per row; paired bars two rects per row (one per
    // version). Maps assert their own shapes per area.
    if (kind === "pairs")
      it.each(variants)("the %s SVG has two bars per data row", (variant) => {
        expect(parseSvg(svgOf(variant)).querySelectorAll('g[data-mark="bar"] rect').length).toBe(2 * chart.table.rows.length);
      });
    if (kind === "bars")
      it.each(variants)("the %s SVG has one mark per data row", (variant) => {
        const svg = parseSvg(svgOf(variant));
        const bars = svg.querySelectorAll('g[data-mark="bar"] rect').length;
        const gaps = [...svg.querySelectorAll("text")].filter((t) => t.textContent === "no figure found").length;
        expect(bars + gaps).toBe(chart.table.rows.length);
      });

    it("has no NaN, undefined or Infinity in its markup", () => {
      for (const svg of Object.values(chart.svg)) expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    });

    it("keeps chart text at least 11 CSS px when the narrow SVG (or the only one) fills a 288 px column", () => {
      const svg = parseSvg(chart.svg.narrow ?? chart.svg.wide);
      const scale = Math.min(1, 288 / Number(svg.getAttribute("width")));
      // Every text a narrow column shows (not a wide-only label), at the size its nearest ancestor sets.
      const shown = [...svg.querySelectorAll("text")].filter((t) => !t.closest(".wide-only"));
      expect(shown.length).toBeGreaterThan(0);
      const sizes = shown.map((t) => Number(t.closest("[font-size]")!.getAttribute("font-size")));
      expect(Math.min(...sizes) * scale).toBeGreaterThanOrEqual(11);
    });

    // The rows the chart must show, as the test lists them, read from the CSVs with d3-dsv: a row the
    // chart drops, adds or reorders fails here, whatever the chart's own select does.
    const { dataset } = getChart(id);
    const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
    const shown = (row: Record<string, string>) => (row.value ? number.format(Number(row.value)) : undefined);
    const read = (ref: string) => {
      const [version, rest] = ref.split(":") as [string, string];
      return { version, row: csvRow(dataset, version, rest) };
    };

    it("has a data table with one row per listed row (one per pair for paired bars), in the listed order, each stating its value", () => {
      for (const row of chart.table.rows) expect(row).toHaveLength(chart.table.columns.length);
      if (kind === "pairs") {
        expect(pairs.length).toBeGreaterThan(0);
        expect(chart.table.rows.map((r) => r[0])).toEqual(pairs.map((p) => p.label));
        for (const [i, pair] of pairs.entries())
          for (const [column, ref] of [pair.before, pair.after].entries()) {
            const value = shown(read(ref).row);
            if (value) expect(chart.table.rows[i]![column + 1], `${pair.label}: ${ref}`).toContain(value);
          }
      } else {
        expect(rows.length).toBeGreaterThan(0);
        expect(chart.table.rows).toHaveLength(rows.length);
        for (const [i, ref] of rows.entries()) {
          const value = shown(csvRow(dataset, versions[dataset]!, ref));
          if (value === undefined) expect(chart.table.rows[i]![1], ref).toBe("no figure found");
          else expect(chart.table.rows[i]![1], ref).toContain(value);
        }
      }
    });

    it("credits exactly the sources its rows (and their periods) cite, each declared in the dataset's meta.json", () => {
      const used =
        kind === "pairs"
          ? pairs.flatMap((p) => [p.before, p.after]).map((ref) => ({ ...read(ref) }))
          : rows.map((ref) => ({ version: versions[dataset]!, row: csvRow(dataset, versions[dataset]!, ref) }));
      const cited = new Set(used.flatMap(({ version, row }) => sourcesOf(dataset, version, row)));
      expect(cited.size).toBeGreaterThan(0);
      const declared = new Set(
        [...new Set(used.map((u) => u.version))].flatMap((version) =>
          (JSON.parse(readFileSync(`data/${dataset}/${version}/meta.json`, "utf8")) as { sources: { id: string }[] }).sources.map((s) => s.id),
        ),
      );
      expect(
        [...cited].filter((s) => !declared.has(s)),
        "cited but not declared",
      ).toEqual([]);
      expect(chart.sources.map((s) => s.id).sort()).toEqual([...cited].sort());
    });
  });
  return renderChart(id, { versions });
}
