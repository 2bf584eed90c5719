import { rowsOf } from "../data/rows-of";
import { defineChart } from "./define-chart";
import { describeBars, tabulateBars } from "./describe-bars";
import { valueBars } from "./value-bars";

/** National context: the exporting force areas with the largest shares of deal lines (NCA 2018). */
export default defineChart({
  id: "deal-line-share",
  dataset: "national",
  table: "deal-line-share",
  select: (data) => [...rowsOf(data, "national", "deal-line-share")].sort((a, b) => (b.value ?? 0) - (a.value ?? 0)),
  spec: (rows, { width }) => valueBars(rows.map((r) => ({ ...r, label: r.force })), { width, axisLabel: "Share of deal lines in England and Wales (%)" }),
  describe: (rows) => `${describeBars(rows.map((r) => ({ ...r, label: r.force })), "force area")}. We found no shares for the other force areas.`,
  tabulate: (rows) => tabulateBars(rows.map((r) => ({ ...r, label: r.force })), "Exporting force area"),
});
