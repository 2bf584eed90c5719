import type { Status } from "../data/columns";
import type { LegendItem, Swatch } from "./define-chart";

/** How sure we are of a figure, in readers' words, with the marker used in charts and tables. */
export const statusInfo: Readonly<Record<Status, { label: string; marker: string; explain: string }>> = {
  primary: { label: "Confirmed", marker: "", explain: "Confirmed in a primary source" },
  secondary: { label: "Several outlets", marker: "", explain: "Reported by several outlets quoting the same figures" },
  "single-source": { label: "One outlet only", marker: "†", explain: "Reported by one outlet only; not confirmed in a primary source" },
  conflicting: { label: "Sources disagree", marker: "‡", explain: "Sources give different values; the note says which" },
};

/** The words after a figure that charts mark with a sign: " (one outlet only)", " (sources disagree)"; otherwise nothing. */
export function statusCaveat(status: Status): string {
  const { marker, label } = statusInfo[status];
  return marker ? ` (${label.toLowerCase()})` : "";
}

/** A figure's status in a sentence, for titles and tooltips: "reported by one outlet only; not confirmed…". */
export function statusExplained(status: Status): string {
  return statusInfo[status].explain.toLowerCase();
}

/** The key item for a status that charts mark with a sign: "† One outlet only", "‡ Sources disagree". */
export function markerKey(status: "single-source" | "conflicting", swatch?: Swatch): LegendItem {
  const { marker, label } = statusInfo[status];
  return swatch ? { swatch, label: `${marker} ${label}` } : { label: `${marker} ${label}` };
}
