import { rowsOf } from "../data/rows-of";
import { defineChart } from "./define-chart";
import { describeBars, tabulateBars } from "./describe-bars";
import { valueBars } from "./value-bars";

/** From referral to leaving: each step of Rescue and Response, in order. */
export default defineChart({
  id: "referral-funnel",
  dataset: "rescue-and-response",
  table: "referral-funnel",
  select: (data) => [...rowsOf(data, "rescue-and-response", "referral-funnel")].sort((a, b) => (a.step ?? 0) - (b.step ?? 0)),
  spec: (rows, { width }) => valueBars(rows.map((r) => ({ ...r, label: r.stage })), { width, axisLabel: "Young people" }),
  describe: (rows) => `${describeBars(rows.map((r) => ({ ...r, label: r.stage })), "stage")}. Each stage is a subset of the one before.`,
  tabulate: (rows) => tabulateBars(rows.map((r) => ({ ...r, label: r.stage })), "Stage"),
});
