import { rowsOf } from "../data/rows-of";
import { defineChart } from "./define-chart";
import { describeBars, tabulateBars } from "./describe-bars";
import { valueBars } from "./value-bars";

const label = (r: { cohort: string; band: string }) => (r.cohort === "linked" ? `Aged ${r.band.toLowerCase()}` : `Referred, aged ${r.band.toLowerCase()}`);

/** Age bands published for the linked cohort (and the one band for referrals). Bands overlap. */
export default defineChart({
  id: "age-bands",
  dataset: "rescue-and-response",
  table: "age-bands",
  select: (data) => rowsOf(data, "rescue-and-response", "age-bands"),
  spec: (rows, { width }) => valueBars(rows.map((r) => ({ ...r, label: label(r) })), { width, axisLabel: "Share of the cohort (%)", max: 100 }),
  describe: (rows) =>
    `${describeBars(rows.map((r) => ({ ...r, label: label(r) })), "share")}. The bands overlap and cover only part of each cohort, so they do not add up to 100%; no other age bands were published.`,
  tabulate: (rows) => tabulateBars(rows.map((r) => ({ ...r, label: label(r) })), "Age band"),
});
