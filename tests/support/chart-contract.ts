import { describe, expect, it } from "vitest";
import { getChart } from "../../src/charts";
import { chartUses } from "../../src/stories/chart-uses";
import { catalog } from "../../src/data/catalog";
import { loadDataset } from "../../src/data/load-dataset";
import type { AnyRow } from "../../src/data/tables";
import { renderChart } from "../../src/figures/render-chart";
import { expectSvgSnapshot, parseSvg } from "./svg";

/**
 * The checks every chart must pass, whatever its data: snapshots of both renderings, an
 * accessible name and description wired to the figure, one mark per data row, no NaN,
 * undefined or Infinity in the markup, and chart text at least 11 CSS px at a 288 px column.
 */
export function chartContract(id: string, { kind = "bars" }: { kind?: "bars" | "pairs" | "map" } = {}) {
  // Rendered as first published: with the data versions pinned by the first story that places it.
  const versions = chartUses().find((use) => use.id === id)?.data ?? {};
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

    // The rows the chart selects, from datasets loaded here rather than taken from the render.
    const definition = getChart(id);
    const data = loadDataset(definition.dataset, definition.versions?.after ?? versions[definition.dataset] ?? catalog[definition.dataset]);
    const before = definition.versions && loadDataset(definition.dataset, definition.versions.before);
    const selected = definition.select(data, before) as readonly (AnyRow & { pair?: string })[];
    const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

    it("has a data table with one row per data row (one per pair for paired bars), in the chart's order, each stating its value", () => {
      expect(selected.length).toBeGreaterThan(0);
      for (const row of chart.table.rows) expect(row).toHaveLength(chart.table.columns.length);
      if (kind === "pairs") {
        const pairs = [...new Set(selected.map((r) => r.pair))];
        expect(chart.table.rows).toHaveLength(pairs.length);
        for (const [i, pair] of pairs.entries())
          for (const r of selected.filter((s) => s.pair === pair && s.value != null))
            expect(chart.table.rows[i]!.join(" | "), `${pair}: ${r.id}`).toContain(number.format(r.value!));
      } else {
        expect(chart.table.rows).toHaveLength(selected.length);
        for (const [i, r] of selected.entries()) if (r.value != null) expect(chart.table.rows[i]!.join(" | "), r.id).toContain(number.format(r.value));
      }
    });

    it("credits exactly the sources its rows (and their periods) cite, each declared in the dataset's meta.json", () => {
      const periods = [...data.meta.periods, ...(before?.meta.periods ?? [])];
      const cited = new Set(selected.flatMap((r) => [...r.sources, ...(periods.find((p) => p.id === r.period)?.sources ?? [])]));
      const declared = new Set([...data.meta.sources, ...(before?.meta.sources ?? [])].map((s) => s.id));
      expect(cited.size).toBeGreaterThan(0);
      expect(
        [...cited].filter((s) => !declared.has(s)),
        "cited but not declared",
      ).toEqual([]);
      expect(chart.sources.map((s) => s.id).sort()).toEqual([...cited].sort());
    });
  });
  return renderChart(id, { versions });
}
