import { rowsOf } from "../data/rows-of";
import { defineChart } from "./define-chart";
import { describeBars, tabulateBars } from "./describe-bars";
import { valueBars } from "./value-bars";

const label = (r: { cohort: string }) => (r.cohort === "linked" ? "Male, of Londoners linked to county lines" : "Male, of young people referred to the programme");

/** Male share of each cohort. Only the male share was published; nothing else is drawn. */
export default defineChart({
  id: "sex",
  dataset: "rescue-and-response",
  table: "sex",
  select: (data) => rowsOf(data, "rescue-and-response", "sex"),
  spec: (rows, { width }) => valueBars(rows.map((r) => ({ ...r, label: label(r) })), { width, axisLabel: "Share of the cohort (%)", max: 100 }),
  describe: (rows) => `${describeBars(rows.map((r) => ({ ...r, label: label(r) })), "share")}. Only the male share was published; no breakdown of the rest was given.`,
  tabulate: (rows) => tabulateBars(rows.map((r) => ({ ...r, label: label(r) })), "Cohort"),
});
