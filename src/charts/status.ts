import type { Status } from "../data/schema/columns";
import { formatValue, type ValueLike } from "../data/words/format-value";
import type { LegendItem, Swatch } from "./define-chart";

/** How sure we are of a figure, in readers' words, with the marker used in charts and tables. */
export const statusInfo: Readonly<Record<Status, { label: string; marker: string; explain: string; means?: string }>> = {
  primary: { label: "Confirmed", marker: "", explain: "Confirmed in a primary source" },
  secondary: { label: "Several outlets", marker: "", explain: "Reported by several outlets quoting the same figures" },
  "single-source": {
    label: "One outlet only",
    marker: "†",
    explain: "Reported by one outlet only; not confirmed in a primary source",
    means: "was reported by one outlet only",
  },
  conflicting: { label: "Sources disagree", marker: "‡", explain: "Sources give different values; the note says which", means: "means sources disagree" },
};

/**
 * A value as written in tables and labels, with its status marker: "369†", "200–300", "336‡".
 * @param row the figure
 * @param shown the words to mark instead of the value (e.g. "(no count)")
 */
export function markedValue(row: ValueLike & { status: Status }, shown: string = formatValue(row)): string {
  return `${shown}${statusInfo[row.status].marker}`;
}

/** The sentence that explains the markers under a story: "A figure marked † was reported by one outlet only, and ‡ means sources disagree." */
export function markerLegend(): string {
  const marked = Object.values(statusInfo).filter((s) => s.marker);
  return `A figure marked ${marked.map((s) => `${s.marker} ${s.means}`).join(", and ")}.`;
}

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
