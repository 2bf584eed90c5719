import { performance } from "node:perf_hooks";
import { JSDOM } from "jsdom";
import { chartIds } from "../../src/charts";
import { renderChart } from "../../src/figures/render-chart";
import { linkedomDocument } from "../../src/render/plot-to-svg";
import type { ChartUse } from "../../src/stories/chart-uses";
import { gz, median, row } from "./report";

const RUNS = 15;

/**
 * Chart render time, both widths, with linkedom (the build's DOM) and with jsdom: prints a row per
 * chart (median of 15 runs after a warm-up, and the SVGs' gzip bytes) and returns the medians and sizes.
 * @param uses where each chart is placed: it is drawn at the data versions of its first story
 */
export function renderTimes(uses: readonly ChartUse[]) {
  const jsdomDocument = () => new JSDOM("").window.document as unknown as Document;
  console.log("## Chart render time (both widths, median of %d runs, data already loaded)\n", RUNS);
  row("chart", "linkedom ms", "jsdom ms", "wide SVG gzip", "narrow SVG gzip", "both gzip");
  row("---", "---", "---", "---", "---", "---");
  const chartBytes: Record<string, number> = {};
  const medians = { linkedom: [] as number[], jsdom: [] as number[] };
  for (const id of chartIds) {
    const versions = uses.find((u) => u.id === id)?.data ?? {};
    const result: Record<string, number> = {};
    for (const [name, document] of [
      ["linkedom", linkedomDocument],
      ["jsdom", jsdomDocument],
    ] as const) {
      renderChart(id, { document, versions }); // warm up: data load, JIT
      const times = Array.from({ length: RUNS }, () => {
        const t = performance.now();
        renderChart(id, { document, versions });
        return performance.now() - t;
      });
      result[name] = median(times);
      medians[name].push(result[name]);
    }
    const { svg } = renderChart(id, { versions });
    chartBytes[id] = gz(svg.wide + (svg.narrow ?? ""));
    row(id, result.linkedom!.toFixed(1), result.jsdom!.toFixed(1), gz(svg.wide), svg.narrow ? gz(svg.narrow) : "(one SVG)", chartBytes[id]);
  }
  return { chartBytes, medians };
}
