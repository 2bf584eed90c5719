import type { Source } from "../schema/meta-schema";
import type { DatasetId } from "../schema/tables";
import { earliestDay, formatSourceDate, latestDay, readSourceRecords } from "./source-records";

/**
 * One source a story cites, in the order of first use: the source list at the foot of the page,
 * its footnote numbers and its dates all come from this one list. The story check builds it while it
 * walks the story (Facts, Charts and Cites, in document order); the page reads it from
 * `analyseStory` (src/stories/story-analysis.ts).
 */
export interface Citation {
  readonly dataset: DatasetId;
  readonly version: string;
  readonly source: Source;
  /** The passage of the source this use rests on, word for word, and the id of the element that uses it. */
  readonly passage?: UsedPassage;
}

/** A passage we hold, as one use of it on a page: its id and words, and where the page uses it. */
interface UsedPassage {
  readonly id: string;
  readonly text: string;
  /** The id of the first element on the page that rests on it (a Fact, a Cite or a figure). */
  readonly target: string;
}

/** A cited source as listed and linked on the page, with the passages the page rests on, in order of first use. */
export interface NumberedSource extends Citation {
  readonly number: number;
  readonly anchor: string;
  readonly passages: readonly UsedPassage[];
}

/** The date a story speaks as of: its update, else its publication (YYYY-MM-DD). */
export function storyDate({ published, updated }: { published: Date | string; updated?: Date | string }): string {
  const iso = (d: Date | string) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
  return iso(updated ?? published);
}

/** A source's date as exactly as we know it: its record's (data/sources.json), else its meta.json date. */
const dateOf = (source: Source) => readSourceRecords().get(source.id)?.date ?? source.date;

/**
 * True when the source is known to have existed on `asOf` (YYYY-MM-DD). A source dated only by month or
 * year ("2019-09", "2019", "2019-09/2019-10") counts from its latest possible day, so "2019" cannot
 * support a story of 19 September 2019; "2019/.." (that year or later) supports none.
 */
export function citableOn(source: Source, asOf: string): boolean {
  return latestDay(dateOf(source)) <= asOf;
}

/** True when the source is certainly later than `asOf`: even its earliest possible day comes after it. */
export function laterThan(source: Source, asOf: string): boolean {
  return earliestDay(dateOf(source)) > asOf;
}

/** "S11 (Southwark News, 25 September 2019)": how a message names a source. */
export function describeSource(source: Source): string {
  return `${source.id} (${source.publisher}, ${formatSourceDate(dateOf(source))})`;
}

/** Numbers the citations in order of first use, each source once (a source id names one publication). */
export function numberCitations(citations: readonly Citation[]): NumberedSource[] {
  const out = new Map<string, NumberedSource & { passages: UsedPassage[] }>();
  for (const { passage, ...c } of citations) {
    let entry = out.get(c.source.id);
    if (!entry) {
      entry = { ...c, number: out.size + 1, anchor: `source-${out.size + 1}`, passages: [] };
      out.set(c.source.id, entry);
    }
    // Each passage once, linked to its first use.
    if (passage && !entry.passages.some((p) => p.id === passage.id)) entry.passages.push(passage);
  }
  return [...out.values()];
}
