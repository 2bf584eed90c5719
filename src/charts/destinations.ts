import { rowsOf } from "../data/rows-of";
import { defineChart } from "./define-chart";
import { describeBars, tabulateBars } from "./describe-bars";
import { valueBars } from "./value-bars";
import { byRank } from "./theme";

/**
 * Destination police force areas of London-linked individuals. Published ranks come first in
 * rank order (so Sussex keeps its 4th place with no bar), then the unranked areas by value.
 */
export default defineChart({
  id: "destinations",
  dataset: "rescue-and-response",
  table: "destinations",
  select: (data) =>
    [...rowsOf(data, "rescue-and-response", "destinations")].sort(byRank),
  spec: (rows, { width }) => valueBars(rows.map((r) => ({ ...r, label: r.rank ? `${r.rank}. ${r.area}` : r.area })), { width, axisLabel: "Londoners linked to lines in the area" }),
  describe: (rows) => `${describeBars(rows.map((r) => ({ ...r, label: r.rank ? `${r.area} (ranked ${r.rank})` : r.area })), "police force area")}. We found no counts for the other areas the lines reached.`,
  tabulate: (rows) => tabulateBars(rows.map((r) => ({ ...r, label: r.rank ? `${r.rank}. ${r.area}` : r.area })), "Police force area"),
});
