import { rowsOf } from "../data/rows/rows-of";
import { barChart } from "./bar-chart";

/** Age bands published for the linked cohort (and the one band for referrals). Bands overlap. */
export default barChart({
  id: "age-bands",
  dataset: "rescue-and-response",
  table: "age-bands",
  select: (data) => rowsOf(data, "rescue-and-response", "age-bands"),
  label: (r) => (r.cohort === "linked" ? `Aged ${r.band.toLowerCase()}` : `Referred, aged ${r.band.toLowerCase()}`),
  noun: "share",
  column: "Age band",
  axisLabel: "Share of the cohort (%)",
  max: 100,
  afterword: "The bands overlap and cover only part of each cohort, so they do not add up to 100%; we found no other age bands.",
});
