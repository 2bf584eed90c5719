import { comparisonCaveat, describePairs, pairedBars, pairedLegend, pairRows, tabulatePairs, type Pairing, type PairedRow } from "./compare-versions";
import { defineChart } from "./define-chart";

const sides = ["Year 1", "Year 2"] as const;

/**
 * The places whose counts were published for both years. Havering's Year 1 count was first
 * published with Year 2, so it is read from the later version (marked restated there).
 */
const pairings: readonly Pairing[] = [
  { label: "Hampshire", before: "hampshire", after: "hampshire" },
  { label: "Norfolk", before: "norfolk", after: "norfolk" },
  { label: "Suffolk", before: "suffolk", after: "suffolk" },
  { label: "Top town", before: "norwich", after: "brighton", nameColumn: "town" },
  { label: "Havering (London borough)", before: { later: "havering-linked-year-1" }, after: "havering-linked" },
];

/** Year 1 against Year 2 for the places sourced in both; never a computed change. */
export default defineChart<readonly PairedRow[]>({
  id: "year-two-changes",
  dataset: "rescue-and-response",
  versions: { before: "2019-09-18", after: "2020-09-30" },
  table: "destinations",
  moreTables: ["towns", "boroughs"],
  select: (data, before) => pairRows(pairings, before, data),
  spec: (rows, { width }) => pairedBars(rows, { width, axisLabel: "Londoners linked to lines in the place", sides }),
  describe: (rows) => `${describePairs(rows, sides)}. We found no counts for other places in both years.`,
  tabulate: (rows) => tabulatePairs(rows, sides),
  legend: (rows) => pairedLegend(rows, sides),
  caveat: (rows, data, before) => comparisonCaveat(rows, before, data, sides),
});
