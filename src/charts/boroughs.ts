import { rowsOf } from "../data/rows-of";
import { defineChart } from "./define-chart";
import { describeBars, tabulateBars } from "./describe-bars";
import { valueBars } from "./value-bars";
import { byRank } from "./theme";

/** Home boroughs of linked Londoners: only the top three were published, two of them as a range. */
export default defineChart({
  id: "boroughs",
  dataset: "rescue-and-response",
  table: "boroughs",
  select: (data) => [...rowsOf(data, "rescue-and-response", "boroughs")].sort(byRank),
  spec: (rows, { width }) => valueBars(rows.map((r) => ({ ...r, label: r.borough })), { width, axisLabel: "Linked Londoners living in the borough" }),
  describe: (rows) => `${describeBars(rows.map((r) => ({ ...r, label: r.borough })), "borough")}. We found no figures for the other boroughs.`,
  tabulate: (rows) => tabulateBars(rows.map((r) => ({ ...r, label: r.borough })), "Borough"),
});
