import { rowsOf } from "../data/rows/rows-of";
import { barChart } from "./bar-chart";

/** From referral to leaving: each step of Rescue and Response, in order. */
export default barChart({
  id: "referral-funnel",
  dataset: "rescue-and-response",
  table: "referral-funnel",
  select: (data) => [...rowsOf(data, "rescue-and-response", "referral-funnel")].sort((a, b) => (a.step ?? 0) - (b.step ?? 0)),
  label: (r) => r.stage,
  noun: "stage",
  column: "Stage",
  axisLabel: "Young people",
  afterword: "Each stage is a subset of the one before.",
});
