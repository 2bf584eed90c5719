import { rowsOf } from "../data/rows/rows-of";
import { barChart } from "./bar-chart";
import { byRank } from "./theme";

/**
 * Destination police force areas of London-linked individuals. Published ranks come first in
 * rank order (so Sussex keeps its 4th place with no bar), then the unranked areas by value.
 */
export default barChart({
  id: "destinations",
  dataset: "rescue-and-response",
  table: "destinations",
  select: (data) => [...rowsOf(data, "rescue-and-response", "destinations")].sort(byRank),
  label: (r) => (r.rank ? `${r.rank}. ${r.area}` : r.area),
  describeLabel: (r) => (r.rank ? `${r.area} (ranked ${r.rank})` : r.area),
  noun: "police force area",
  column: "Police force area",
  axisLabel: "Londoners linked to lines in the area",
  afterword: "We found no counts for the other areas the lines reached.",
});
