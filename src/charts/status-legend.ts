import type { AnyRow } from "../data/schema/tables";
import type { LegendItem } from "./define-chart";
import { markerKey } from "./status";

/** The key of a status-aware bar chart: only the styles the rows shown actually use. */
export function statusLegend(rows: readonly AnyRow[]): LegendItem[] {
  const has = (test: (r: AnyRow) => boolean) => rows.some(test);
  const single = (r: AnyRow) => r.qualifier !== "range" && r.qualifier !== "not-published";
  const items: LegendItem[] = [];
  if (has((r) => single(r) && (r.status === "primary" || r.status === "secondary")))
    items.push({ swatch: "solid", label: "Confirmed, or reported by several outlets" });
  if (has((r) => r.status === "single-source")) items.push(markerKey("single-source", "outline"));
  if (has((r) => r.status === "conflicting")) items.push(markerKey("conflicting", "dashed"));
  if (has((r) => r.qualifier === "range")) items.push({ swatch: "range", label: "Published only as a range" });
  if (has((r) => r.qualifier === "not-published")) items.push({ swatch: "gap", label: "No figure found in the sources we hold" });
  return items;
}
