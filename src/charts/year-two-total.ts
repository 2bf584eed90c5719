import { pairedChart } from "./bar-chart";

/** The headline count in each year, side by side. */
export default pairedChart({
  id: "year-two-total",
  dataset: "rescue-and-response",
  versions: { before: "2019-09-18-c1", after: "2020-09-30-c1" },
  table: "headline",
  pairings: [{ label: "Londoners linked to county lines", before: "linked-total", after: "linked-total" }],
  sides: ["Year 1", "Year 2"],
  axisLabel: "Londoners linked",
});
