import { rowsOf } from "../data/rows/rows-of";
import { barChart } from "./bar-chart";
import { byRank } from "./theme";

/** Home boroughs of linked Londoners: only the top three were published, two of them as a range. */
export default barChart({
  id: "boroughs",
  dataset: "rescue-and-response",
  table: "boroughs",
  select: (data) => [...rowsOf(data, "rescue-and-response", "boroughs")].sort(byRank),
  label: (r) => r.borough,
  noun: "borough",
  column: "Borough",
  axisLabel: "Linked Londoners living in the borough",
  afterword: "We found no figures for the other boroughs.",
});
