import { rowsOf } from "../data/rows/rows-of";
import { barChart } from "./bar-chart";

/** Male share of each cohort. Only the male share was published; nothing else is drawn. */
export default barChart({
  id: "sex",
  dataset: "rescue-and-response",
  table: "sex",
  select: (data) => rowsOf(data, "rescue-and-response", "sex"),
  label: (r) => (r.cohort === "linked" ? "Male, of Londoners linked to county lines" : "Male, of young people referred to the programme"),
  noun: "share",
  column: "Cohort",
  axisLabel: "Share of the cohort (%)",
  max: 100,
  afterword: "Only the male share is in the sources we hold; we found no breakdown of the rest.",
});
