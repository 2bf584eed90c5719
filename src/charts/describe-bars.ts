import { formatValue } from "../data/words/format-value";
import type { ChartTable } from "./define-chart";
import { statusCaveat, statusInfo } from "./status";
import type { BarDatum } from "./value-bars";

/** Lists bars in words: "Norfolk 416; Hampshire 369 (one outlet only); Sussex no figure found". */
export function describeBars(data: readonly (BarDatum & { readonly sources: readonly string[] })[], noun: string): string {
  const parts = data.map((d) => {
    return `${d.label}: ${formatValue(d)}${statusCaveat(d.status)}`;
  });
  return `Bar chart of ${data.length} ${noun}${data.length === 1 ? "" : "s"}. ${parts.join("; ")}`;
}

/** The data table: label, value as published, how well confirmed, sources, note. */
export function tabulateBars(data: readonly (BarDatum & { readonly sources: readonly string[]; readonly note: string })[], first: string): ChartTable {
  return {
    columns: [first, "Value", "Confirmation", "Sources", "Note"],
    rows: data.map((d) => [d.label, formatValue(d), statusInfo[d.status].label, d.sources.join(", "), d.note]),
  };
}
