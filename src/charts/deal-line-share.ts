import { rowsOf } from "../data/rows/rows-of";
import { barChart } from "./bar-chart";

/** National context: the exporting force areas with the largest shares of deal lines (NCA 2018). */
export default barChart({
  id: "deal-line-share",
  dataset: "national",
  table: "deal-line-share",
  select: (data) => [...rowsOf(data, "national", "deal-line-share")].sort((a, b) => (b.value ?? 0) - (a.value ?? 0)),
  label: (r) => r.force,
  noun: "force area",
  column: "Exporting force area",
  axisLabel: "Share of deal lines in England and Wales (%)",
  afterword: "We found no shares for the other force areas.",
});
