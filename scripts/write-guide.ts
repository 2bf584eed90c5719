/**
 * Writes the parts of the editor guide (content/README.md) that come from code, between their
 * markers, so they cannot drift: the list of charts, from the chart registry (src/charts).
 * tests/content/guide.test.ts fails when the guide and the registry disagree.
 *
 * Usage: npm run guide
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chartIds, getChart } from "../src/charts";

/** Where the chart list sits in content/README.md. */
export const GUIDE = "content/README.md";
const START = "<!-- charts: written by npm run guide from src/charts; do not edit by hand -->";
const END = "<!-- end of charts -->";

/** The guide's table of charts: each `<Chart id>`, the data it draws, and what it needs in the frontmatter. */
export function chartList(): string {
  const rows = chartIds.map((id) => {
    const chart = getChart(id);
    const pins = chart.versions
      ? `\`data:\` ${chart.dataset} "${chart.versions.after}" and \`compare:\` ${chart.dataset} "${chart.versions.before}"`
      : `\`data:\` ${chart.dataset}`;
    const tables = [chart.table, ...(chart.moreTables ?? [])].map((t) => `\`${t}.csv\``).join(", ");
    return `| \`${id}\` | ${chart.boundaries ? "map" : "chart"} of ${tables} | ${pins} |`;
  });
  return [START, "", "| `id` | draws | pin in the frontmatter |", "|---|---|---|", ...rows, "", END].join("\n");
}

/** The guide with its chart list rewritten from the registry. */
export function guideWithChartList(guide: string): string {
  const start = guide.indexOf(START);
  const end = guide.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${GUIDE}: the chart list's markers are missing; put ${START} and ${END} where the list goes`);
  return guide.slice(0, start) + chartList() + guide.slice(end + END.length);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = join(process.cwd(), GUIDE);
  writeFileSync(path, guideWithChartList(readFileSync(path, "utf8")));
  console.log(`Wrote the chart list in ${GUIDE} (${chartIds.length} charts).`);
}
