import { comparisonCaveat, describePairs, pairedBars, pairedLegend, pairRows, tabulatePairs, type PairedRow } from "./compare-versions";
import { defineChart } from "./define-chart";

const sides = ["Year 1", "Year 2"] as const;

/** The headline count in each year, side by side. */
export default defineChart<readonly PairedRow[]>({
  id: "year-two-total",
  dataset: "rescue-and-response",
  versions: { before: "2019-09-18", after: "2020-09-30" },
  table: "headline",
  select: (data, before) => pairRows([{ label: "Londoners linked to county lines", before: "linked-total", after: "linked-total" }], before, data),
  spec: (rows, { width }) => pairedBars(rows, { width, axisLabel: "Londoners linked", sides }),
  describe: (rows) => describePairs(rows, sides),
  tabulate: (rows) => tabulatePairs(rows, sides),
  legend: (rows) => pairedLegend(rows, sides),
  caveat: (rows, data, before) => comparisonCaveat(rows, before, data, sides),
});
